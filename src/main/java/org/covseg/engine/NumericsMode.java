package org.covseg.engine;

/**
 * How PyTorch's CPU natives compute convolutions in this process. Which one covseg uses is decided by the engine
 * self-check ({@link Numerics}); a mode other than {@link #DEFAULT} is a workaround for CPUs on which the default
 * oneDNN kernels compute wrong results.
 */
public enum NumericsMode {

    /** oneDNN at the best instruction set of the CPU (or the user's own {@code ONEDNN_MAX_CPU_ISA}). */
    DEFAULT("oneDNN at the CPU's full instruction set"),
    /** oneDNN capped at SSE4.1 ({@code ONEDNN_MAX_CPU_ISA=SSE41}), which avoids the faulty AVX/AVX-512 kernels. */
    ONEDNN_SSE41("oneDNN capped at SSE4.1"),
    /** PyTorch's own convolution kernels, oneDNN switched off at run time. */
    ONEDNN_OFF("PyTorch's oneDNN path switched off");

    private final String description;

    NumericsMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Puts this process in this mode. The instruction-set cap must be applied before the first convolution: oneDNN
     * reads it once, when it first dispatches a kernel.
     */
    void apply() {
        switch (this) {
            case DEFAULT -> { }
            case ONEDNN_SSE41 -> NativeTorch.setenv("ONEDNN_MAX_CPU_ISA", "SSE41");
            case ONEDNN_OFF -> NativeTorch.disableOneDnn();
        }
    }
}
