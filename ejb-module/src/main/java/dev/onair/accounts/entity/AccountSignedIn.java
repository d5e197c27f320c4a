package dev.onair.accounts.entity;

import java.time.Instant;

/**
 * What accounts needs to know of a sign-in: which account, and when. The sign-in component's
 * event implements it, so accounts observes sign-ins (to keep the last-login time) without
 * knowing the component that signs people in.
 */
public interface AccountSignedIn {

    String accountId();

    Instant at();
}
