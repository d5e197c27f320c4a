package dev.onair.signin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An authorization request sent to a provider and not yet answered. Found by the hash of its
 * {@code state}, consumed by the callback (one time only), bound to the browser that started it
 * and worthless after {@link #expiresAt()}.
 */
@Entity
@Table(name = "sign_in_request")
public class SignInRequest {

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @Column(name = "provider", nullable = false, length = 40)
    private String provider;

    @Column(name = "browser_hash", nullable = false, length = 64)
    private String browserHash;

    @Column(name = "code_verifier", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "nonce", nullable = false, length = 128)
    private String nonce;

    @Column(name = "redirect_uri", nullable = false, length = 2000)
    private String redirectUri;

    @Column(name = "return_to", nullable = false, length = 2000)
    private String returnTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected SignInRequest() {
    }

    public SignInRequest(String stateHash, String provider, String browserHash, String codeVerifier, String nonce,
                         String redirectUri, String returnTo, Instant createdAt, Instant expiresAt) {
        this.stateHash = stateHash;
        this.provider = provider;
        this.browserHash = browserHash;
        this.codeVerifier = codeVerifier;
        this.nonce = nonce;
        this.redirectUri = redirectUri;
        this.returnTo = returnTo;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String provider() { return provider; }

    public String browserHash() { return browserHash; }

    public String codeVerifier() { return codeVerifier; }

    public String nonce() { return nonce; }

    public String redirectUri() { return redirectUri; }

    public String returnTo() { return returnTo; }

    public Instant expiresAt() { return expiresAt; }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
