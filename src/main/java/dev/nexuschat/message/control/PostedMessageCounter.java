package dev.nexuschat.message.control;

import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Counts stored messages from the domain event (committed ones only), beside the service, not in
 * it.
 */
@ApplicationScoped
public class PostedMessageCounter {
  @Inject NexusMetrics metrics;

  void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
    if (!event.repeat()) {
      metrics.messagePosted();
    }
  }
}
