package dev.onair.logins.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** "Your account was signed in from a device or network not seen before", for its owner to see. */
@Entity
@Table(name = "login_notice")
public class LoginNotice {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "attempt_id", nullable = false, length = 36)
    private String attemptId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "provider", nullable = false, length = 40)
    private String provider;

    @Column(name = "ip", length = 45)
    private String ip;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(name = "new_device", nullable = false)
    private boolean newDevice;

    @Column(name = "new_network", nullable = false)
    private boolean newNetwork;

    protected LoginNotice() {
    }

    public LoginNotice(String id, String accountId, String attemptId, Instant createdAt, String provider, String ip,
                       String userAgent, boolean newDevice, boolean newNetwork) {
        this.id = id;
        this.accountId = accountId;
        this.attemptId = attemptId;
        this.createdAt = createdAt;
        this.provider = provider;
        this.ip = ip;
        this.userAgent = userAgent;
        this.newDevice = newDevice;
        this.newNetwork = newNetwork;
    }

    public String id() { return id; }

    public String attemptId() { return attemptId; }

    public Instant createdAt() { return createdAt; }

    public String provider() { return provider; }

    public String ip() { return ip; }

    public String userAgent() { return userAgent; }

    public boolean newDevice() { return newDevice; }

    public boolean newNetwork() { return newNetwork; }
}
