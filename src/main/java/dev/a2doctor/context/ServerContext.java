package dev.a2doctor.context;

import java.util.List;
import java.util.Optional;

/**
 * What a2doctor knows about the server the log came from: its configuration and user database
 * when they could be read, and a sentence for each thing it could not check.
 */
public record ServerContext(Optional<ApacheConfig> config, Optional<UserDatabase> users,
    List<String> notes) {

  public ServerContext {
    notes = List.copyOf(notes);
  }

  /** No local knowledge: {@code --no-context}, for a log copied from another server. */
  public static ServerContext none(String why) {
    return new ServerContext(Optional.empty(), Optional.empty(), List.of(why));
  }
}
