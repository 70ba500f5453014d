package com.successworkshop.bench.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** One row, read by id: what a bare Quarkus app costs per GET. */
@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Version
    public long version;
}
