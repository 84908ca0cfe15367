package org.softglass.core.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, for the write-with-body helpers of the writers. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T t) throws IOException;
}
