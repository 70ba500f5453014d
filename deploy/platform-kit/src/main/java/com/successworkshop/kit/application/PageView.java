package com.successworkshop.kit.application;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.function.Function;

/** What every list answers: {@code {items, page, size, total}}, total counting every row the filters match. */
public record PageView<T>(@NotNull List<T> items, @NotNull int page, @NotNull int size, @NotNull long total) {

    /** One page of a query, each row made a view, and the query's total (a second, counting statement). */
    public static <E, T> PageView<T> of(PanacheQuery<E> query, int page, int size, Function<? super E, T> view) {
        PanacheQuery<E> q = query.page(Page.of(page, size));
        return new PageView<>(q.list().stream().<T>map(view).toList(), page, size, q.count());
    }
}
