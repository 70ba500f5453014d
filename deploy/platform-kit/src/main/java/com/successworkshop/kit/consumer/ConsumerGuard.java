package com.successworkshop.kit.consumer;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * Wraps every consumer method, outside its transaction:
 * - its work is a span of the trace that came with the record (traceparent header), so what it writes to its outbox
 *   carries the same trace on to the next service;
 * - a failure of the database's availability (connection lost, server restarting) is retried with back-off, each time
 *   in a new transaction, instead of sending a good event to the dead-letter topic; the partition waits meanwhile.
 *   Other failures (a poison message) go to the dead-letter topic at once.
 */
@ConsumerGuard.Continues
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ConsumerGuard {

    @InterceptorBinding
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Continues {
    }

    private static final Logger LOG = Logger.getLogger(ConsumerGuard.class);

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "workshop.consumer.retry-for", defaultValue = "PT5M")
    java.time.Duration retryFor;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        ConsumerRecord<?, ?> record = invocation.getParameters().length > 0 && invocation.getParameters()[0] instanceof ConsumerRecord<?, ?> r ? r : null;
        if (record == null) {
            return invocation.proceed();
        }
        Span span = tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER).setParent(parent(record)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            long deadline = System.nanoTime() + retryFor.toNanos();
            long backoffMillis = 200;
            while (true) {
                try {
                    return invocation.proceed();
                } catch (Exception e) {
                    if (!databaseUnavailable(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LOG.warnf("Database unavailable while handling a record of %s; retrying in %d ms: %s", record.topic(), backoffMillis, e.getMessage());
                    Thread.sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 5_000);
                }
            }
        } catch (Exception e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Connection-class SQL states (08…), server shutting down or out of resources (57…, 53…), or no connection to be had.
     * Looks at suppressed exceptions too: a commit that fails because the server went away arrives as the transaction
     * manager's RollbackException with the driver's error suppressed, not as its cause.
     */
    public static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean databaseUnavailable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException
                || t instanceof java.net.ConnectException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53"))) {
                return true;
            }
            if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        for (Throwable s : t.getSuppressed()) {
            if (databaseUnavailable(s, seen)) {
                return true;
            }
        }
        return databaseUnavailable(t.getCause(), seen);
    }

    private static Context parent(ConsumerRecord<?, ?> record) {
        Header h = record.headers().lastHeader("traceparent");
        Context remote = h == null ? null : remoteParent(new String(h.value(), StandardCharsets.UTF_8));
        return remote == null ? Context.current() : remote;
    }

    /** A W3C traceparent "00-{trace id}-{span id}-{flags}" as a remote parent context; null when it is not one. */
    public static Context remoteParent(String traceParent) {
        String[] p = traceParent == null ? new String[0] : traceParent.split("-");
        if (p.length != 4 || p[1].length() != 32 || p[2].length() != 16) {
            return null;
        }
        SpanContext remote = SpanContext.createFromRemoteParent(p[1], p[2], TraceFlags.fromHex(p[3], 0), TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }
}
