package com.successworkshop.kit.domain;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * An aggregate a client changes under optimistic locking: its {@code @Version} is the ETag the client reads and sends
 * back as If-Match ({@link ExpectedVersion}), and a concurrent change that commits first makes the flush fail.
 */
@MappedSuperclass
public abstract class VersionedAggregate extends AggregateRoot {

    @Version
    protected long version;

    public long version() {
        return version;
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
