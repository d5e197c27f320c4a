package dev.onair.signin.entity;

/**
 * A client's secret as it is shown, once: when the client is created and at each rotation.
 * {@link #toString()} does not show it.
 */
public record ClientSecret(ApiClient client, String secret) {

    @Override
    public String toString() {
        return "ClientSecret[client=" + client.id() + "]";
    }
}
