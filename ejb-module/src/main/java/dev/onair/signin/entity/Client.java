package dev.onair.signin.entity;

/**
 * The browser or program behind a sign-in: its IP address (the client's own, after the
 * configured proxies' {@code X-Forwarded-For} was honoured) and its User-Agent, both as far as
 * they are known; each may be null.
 */
public record Client(String ip, String userAgent) {

    public static final int USER_AGENT_MAX = 512;

    public Client {
        if (userAgent != null && userAgent.length() > USER_AGENT_MAX) {
            userAgent = userAgent.substring(0, USER_AGENT_MAX);
        }
    }
}
