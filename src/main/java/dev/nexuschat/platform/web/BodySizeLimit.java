package dev.nexuschat.platform.web;

import dev.nexuschat.platform.errors.PayloadTooLarge;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies at 64 KiB: by the declared length up front, and by counting for chunked
 * bodies that declare none. A 5000-character message is at most 20 KB of UTF-8. A method marked
 * {@link StreamedBody} (an upload's bytes) reads its body itself, under its own limit.
 */
@Provider
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {
  public static final int MAX_BODY_BYTES = 64 * 1024;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (streamsItsBody()) {
      return; // it reads the raw stream with its own limit, never through the interceptor
    }
    if (request.getLength() > MAX_BODY_BYTES) {
      throw new PayloadTooLarge(MAX_BODY_BYTES);
    }
  }

  private boolean streamsItsBody() {
    return resource != null
        && resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(StreamedBody.class);
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new CappedInputStream(context.getInputStream()));
    return context.proceed();
  }

  private static final class CappedInputStream extends FilterInputStream {
    private long read;

    CappedInputStream(InputStream in) {
      super(in);
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
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw new PayloadTooLarge(MAX_BODY_BYTES);
      }
    }
  }
}
