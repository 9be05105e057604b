package dev.a2doctor.digest;

/**
 * A rendered report, ready for stdout or a mail.
 *
 * @param subject the subject line, from counts and the host name only (never from log text)
 * @param body the report in the format asked for, as printed to stdout
 * @param text the plain-text part of a mail
 * @param html the HTML part of a mail
 */
public record Message(String subject, String body, String text, String html) {}
