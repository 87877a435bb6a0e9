package io.otklik.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing. {@code total} is exact up to {@code totalCap}; above it the listing says "more than".
 */
public record PageOf<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

    public int pages() {
        return size == 0 ? 0 : (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total, totalCapped);
    }
}
