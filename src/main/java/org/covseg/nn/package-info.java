/**
 * The network architectures, as DJL blocks: {@link org.covseg.nn.InfNet} (on the {@link org.covseg.nn.Res2Net}
 * backbone, with RFBs, a partial decoder, an edge branch and reverse attention) and the bilinear
 * {@link org.covseg.nn.UNet} of Inf-Net's multi-class code, both after the official code, with their parameters
 * under the official PyTorch state-dict names ({@link org.covseg.nn.StateDict}); {@link org.covseg.nn.CovidSegNet},
 * our documented 2-D reading of the paper; the slice-level COVID-19 classifier {@link org.covseg.nn.DetectionNet};
 * and the inpainting {@link org.covseg.nn.Coach}. {@link org.covseg.nn.SegmentationArchitecture} names the infection
 * networks covseg trains and runs, {@link org.covseg.nn.NetworkSize} a network's width and input size, and
 * {@link org.covseg.nn.Bilinear} is the exact bilinear resize the engine's own op does not give. Weights are read
 * and written as safetensors through {@code io}; the model folder that holds them is {@code org.covseg.model}.
 */
package org.covseg.nn;
