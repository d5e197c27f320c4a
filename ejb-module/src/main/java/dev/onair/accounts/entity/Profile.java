package dev.onair.accounts.entity;

/**
 * What a sign-in provider verified about a person: who they are there ({@code provider},
 * {@code subject}: the identity key) and what they told it (a display name, optionally a
 * verified e-mail address and an avatar URL).
 */
public record Profile(String provider, String subject, String displayName, String email, String avatarUrl) {

    public Profile {
        if (provider == null || provider.isBlank() || subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a profile needs a provider and a subject");
        }
    }

    /** {@code provider:subject}, the form {@code onair.admins} lists. */
    public String identityKey() {
        return provider + ":" + subject;
    }
}
