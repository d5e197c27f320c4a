package dev.onair.logins.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One row of the login history. Besides what happened it keeps two coarse keys used to tell a
 * familiar sign-in from a new one: the device (the User-Agent with its version numbers removed,
 * hashed, so a browser update is not a new device) and the network (the IPv4 /24 or IPv6 /48).
 */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "provider", nullable = false, length = 40)
    private String provider;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "ip", length = 45)
    private String ip;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(name = "device_key", length = 64)
    private String deviceKey;

    @Column(name = "network", length = 64)
    private String network;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 10)
    private Outcome outcome;

    @Column(name = "reason", length = 60)
    private String reason;

    protected LoginAttempt() {
    }

    public LoginAttempt(String id, String accountId, String provider, Instant attemptedAt, String ip, String userAgent,
                        Outcome outcome, String reason) {
        this.id = id;
        this.accountId = accountId;
        this.provider = provider;
        this.attemptedAt = attemptedAt;
        this.ip = ip;
        this.userAgent = userAgent;
        this.deviceKey = Devices.deviceKey(userAgent);
        this.network = Devices.network(ip);
        this.outcome = outcome;
        this.reason = reason;
    }

    public String id() { return id; }

    public String accountId() { return accountId; }

    public String provider() { return provider; }

    public Instant attemptedAt() { return attemptedAt; }

    public String ip() { return ip; }

    public String userAgent() { return userAgent; }

    public String deviceKey() { return deviceKey; }

    public String network() { return network; }

    public Outcome outcome() { return outcome; }

    public String reason() { return reason; }
}
