package dev.onair.shared;

/** Which page of a list is wanted: page number from 0, and 1 to {@value #MAX_SIZE} items per page. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** The first item a page may start at: no list is this long, and page * size stays an int. */
    static final int MAX_FIRST = 10_000_000;

    public PageRequest {
        if (page < 0) {
            throw InvalidInput.of("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "must be 1 to " + MAX_SIZE);
        }
        if ((long) page * size > MAX_FIRST) {
            throw InvalidInput.of("page", "must be at most " + MAX_FIRST / size + " with size " + size);
        }
    }

    /** From query parameters; absent ones take page 0 and {@value #DEFAULT_SIZE} items. */
    public static PageRequest parse(String page, String size) {
        return new PageRequest(integer("page", page, 0), integer("size", size, DEFAULT_SIZE));
    }

    public int first() {
        return page * size;
    }

    private static int integer(String field, String value, int fallback) {
        return (int) QueryNumbers.whole(field, value, fallback, field.equals("size") ? 1 : 0, field.equals("size") ? MAX_SIZE : MAX_FIRST);
    }
}
