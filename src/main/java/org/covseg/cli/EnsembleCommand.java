package org.covseg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Makes one infection model of several (e.g. the fold models of a cross-validation): a new "
                + "model folder holding a copy of each as member-1, member-2, ..., whose probability map is the mean "
                + "of theirs. segment, evaluate, analyze, serve and cohort run it like any model.",
                "The members must share architecture, width, input size, normalisation and window."})
final class EnsembleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<model>", description = "Infection model folders, the members.")
    List<Path> members;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "The new model folder.")
    Path out;

    @Option(names = "--name", paramLabel = "<name>", description = "The ensemble's name (default: the first member's"
            + " name with \"-ensemble\").")
    String name;

    @Option(names = "--model-version", paramLabel = "<version>", defaultValue = "1",
            description = "The ensemble's version (default: ${DEFAULT-VALUE}).")
    String version;

    @Override
    public Integer call() {
        String ensembleName = name != null ? name : ModelDir.readSpec(members.get(0)).name() + "-ensemble";
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Path member : members) {
            ModelSpec m = ModelDir.readSpec(member);
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("from", member.toAbsolutePath().normalize().toString());
            source.put("name", m.name());
            source.put("version", m.version());
            source.put("weightsSha256", m.weightsSha256());
            sources.add(source);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("command", CliArguments.recipe(spec));
        training.put("members", sources);
        ModelSpec ensemble = ModelDir.saveEnsemble(out, ensembleName, version, members, training, Map.of());
        spec.commandLine().getOut().println("wrote " + ensemble.describe() + ", an ensemble of " + members.size()
                + " models, to " + out);
        return 0;
    }
}
