package com.successworkshop.ssat.messaging;

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

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * Makes a consumer's work a span of the trace that came with the record (its traceparent header), so that what the
 * consumer writes to its outbox carries the same trace on to the next service.
 */
@TraceContinuation.Continues
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class TraceContinuation {

    @InterceptorBinding
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Continues {
    }

    @Inject
    Tracer tracer;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        ConsumerRecord<?, ?> record = invocation.getParameters().length > 0 && invocation.getParameters()[0] instanceof ConsumerRecord<?, ?> r ? r : null;
        if (record == null) {
            return invocation.proceed();
        }
        Span span = tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER).setParent(parent(record)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return invocation.proceed();
        } catch (Exception e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static Context parent(ConsumerRecord<?, ?> record) {
        Header h = record.headers().lastHeader("traceparent");
        String[] p = h == null ? new String[0] : new String(h.value(), StandardCharsets.UTF_8).split("-");
        if (p.length != 4 || p[1].length() != 32 || p[2].length() != 16) {
            return Context.current();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(p[1], p[2], TraceFlags.fromHex(p[3], 0), TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }
}
