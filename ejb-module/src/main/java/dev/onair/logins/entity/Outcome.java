package dev.onair.logins.entity;

/** How a sign-in attempt ended. */
public enum Outcome { SUCCESS, FAILURE }
