package org.covseg.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few native calls DJL does not offer, made through JNA on the libraries DJL has already loaded (found by their
 * soname): the C environment, libtorch's log level and its oneDNN switch.
 */
final class NativeTorch {

    /** c10's minimum severity of log lines (0 info, 1 warning, 2 error). */
    private static final String LOG_LEVEL = "FLAGS_caffe2_log_level";
    private static final int ERROR = 2;

    private NativeTorch() {
    }

    private interface C extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Sets a variable in the process's C environment, where native code reads it (Java's copy is not updated). */
    static void setenv(String name, String value) {
        if (Native.load("c", C.class).setenv(name, value, 1) != 0) {
            throw new IllegalStateException("setenv(" + name + ") failed");
        }
    }

    /**
     * Keeps libtorch's warnings (NNPACK on CPUs it does not support, a deprecation inside DJL's inference mode) off
     * the console; errors still print. The engine must be loaded.
     */
    static void quietLogs() {
        NativeLibrary.getInstance("c10").getGlobalVariableAddress(LOG_LEVEL).setInt(0, ERROR);
    }

    /** {@code at::globalContext().setUserEnabledMkldnn(false)}. The engine must be loaded. */
    static void disableOneDnn() {
        NativeLibrary torch = NativeLibrary.getInstance("torch_cpu");
        Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
        torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {context, (byte) 0});
    }
}
