package dev.onair.shared;

import java.util.List;

/** One page of a longer list: the items, the page number (from 0), its size and the total. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
