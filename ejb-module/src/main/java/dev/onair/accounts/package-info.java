/**
 * Owns accounts: who a broadcaster or viewer is, their display name, avatar and roles, and the
 * provider identities ((provider, subject)) they sign in with. There is no sign-up form: the
 * first sign-in creates the account ({@link dev.onair.accounts.boundary.Accounts#signIn}); the
 * account id is the {@code sub} of OnAir's access tokens, and an e-mail address never links
 * identities. Admins disable accounts: {@code AccountDisabled} lets sign-in revoke the sessions and
 * the channels end the broadcast in the same transaction. Accounts knows no component that
 * signs people in: it keeps the last-login time by observing
 * {@link dev.onair.accounts.entity.AccountSignedIn}, which the sign-in component's event
 * implements.
 */
package dev.onair.accounts;
