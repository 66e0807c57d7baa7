package org.covseg.cli;

import org.covseg.nn.SegmentationArchitecture;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --arch} values: infnet, unet or covidsegnet (any case). */
final class ArchitectureConverter implements ITypeConverter<SegmentationArchitecture> {

    static final String HELP = "Network: infnet (Inf-Net, Res2Net-50 backbone), unet (bilinear U-Net) or covidsegnet"
            + " (2-D COVID-SegNet, re-implemented from the paper's description; see docs/architectures.md).";

    @Override
    public SegmentationArchitecture convert(String value) {
        return SegmentationArchitecture.ofOption(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a known network (known: " + SegmentationArchitecture.options() + ")"));
    }
}
