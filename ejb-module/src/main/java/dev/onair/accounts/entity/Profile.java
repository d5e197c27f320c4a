package dev.onair.accounts.entity;

import java.util.Set;

/**
 * What a verified identity says about its holder: the subject (the account id), a display
 * name, and optionally an email and an avatar; plus the roles granted to it.
 */
public record Profile(String subject, String displayName, String email, String avatarUrl, Set<Role> roles) {

    public Profile {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
