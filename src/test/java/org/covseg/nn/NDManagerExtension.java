package org.covseg.nn;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method an {@link NDManager} parameter, closed (with all its arrays) when the test ends: JUnit closes
 * AutoCloseable values of the extension store.
 */
public class NDManagerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NDManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        NDManager manager = NDManager.newBaseManager();
        context.getStore(ExtensionContext.Namespace.create(NDManagerExtension.class, context.getUniqueId()))
                .put("manager", manager);
        return manager;
    }
}
