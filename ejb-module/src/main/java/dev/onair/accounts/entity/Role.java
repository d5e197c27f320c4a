package dev.onair.accounts.entity;

import java.util.Locale;
import java.util.Optional;

/** The roles OnAir knows. Their lower-case names are the JWT {@code groups} values. */
public enum Role {
    USER, ADMIN;

    public static final String USER_GROUP = "user";
    public static final String ADMIN_GROUP = "admin";

    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofGroup(String group) {
        for (Role role : values()) {
            if (role.group().equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
