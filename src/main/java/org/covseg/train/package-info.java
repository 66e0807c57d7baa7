/**
 * Training: losses ({@link org.covseg.train.StructureLoss}, {@link org.covseg.train.InfNetObjective}), our own
 * {@link org.covseg.train.Adam} (checkpointable state), {@link org.covseg.train.StepLr}, and the model-agnostic
 * {@link org.covseg.train.Trainer} with atomic checkpoints, resume and Ctrl-C handling.
 *
 * <p>Wiring a training command:
 * <pre>{@code
 * EngineSetup.threads(threads);                  // org.covseg.engine; before or after the engine starts
 * EngineSetup.seed(seed);                        // before the model is initialised
 * Block net = ...; net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 352, 352)); // + pretrained weights
 * Trainer trainer = new Trainer(net, manager, new InfNetObjective(BceWeighting.WEIGHTED),
 *         exactBilinearAlignCorners, TrainingOptions.infNet().withEpochs(epochs).withSeed(seed), runDirectory);
 * try (StopSignal.Guard guard = trainer.stopSignal().stopOnShutdown(Duration.ofMinutes(10))) {
 *     Trainer.Outcome outcome = trainer.fit(trainSet, validationSet, validator, resume);
 * }
 * }</pre>
 * Everything the model must carry across a resume has to be a DJL {@code Parameter} of the block (BatchNorm running
 * statistics included): checkpoints hold {@code block.getParameters()}.
 */
package org.covseg.train;
