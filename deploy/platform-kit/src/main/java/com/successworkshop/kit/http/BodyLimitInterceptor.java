package com.successworkshop.kit.http;

import com.successworkshop.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body limit for bodies that declare no length (chunked): {@link BodyLimitFilter} cannot see them coming, and a
 * service whose uploads raise the server's own cap would otherwise read a JSON body up to that cap. Counted as read.
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    @Inject
    BodyLimitFilter limits;
    @Context
    UriInfo uri;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limits.limit(uri.getRequestUri().getPath());
        context.setInputStream(new Capped(context.getInputStream(), limit));
        return context.proceed();
    }

    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ProblemException(BodyLimitFilter.tooLarge(limit));
            }
        }
    }
}
