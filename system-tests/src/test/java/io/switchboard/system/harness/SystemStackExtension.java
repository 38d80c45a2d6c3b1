package io.switchboard.system.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link SystemStack} for the whole test run: started before the first system test class, kept
 * in JUnit's root store, and closed when the run ends, whatever failed. A JVM shutdown hook stops it
 * too if the run is interrupted. If the start fails, every system test fails with that reason (the
 * stack is not started again for each class).
 */
public final class SystemStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SystemStackExtension.class);

    /** The stack, or why it could not start; closed by JUnit at the end of the run. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final SystemStack stack;
        private final RuntimeException failure;
        private final Thread shutdownHook;

        Holder() {
            SystemStack started = null;
            RuntimeException failed = null;
            try {
                started = SystemStack.start(StackSettings.fromSystemProperties());
            } catch (RuntimeException e) {
                failed = e;
            }
            stack = started;
            failure = failed;
            shutdownHook = stack == null ? null : new Thread(stack::close, "system-stack-stop");
            if (shutdownHook != null) {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }

        SystemStack stack() {
            if (failure != null) {
                throw new IllegalStateException("the system under test did not start: " + failure.getMessage(), failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static SystemStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, type -> new Holder(), Holder.class).stack();
    }
}
