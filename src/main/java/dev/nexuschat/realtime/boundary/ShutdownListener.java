package dev.nexuschat.realtime.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Closes every socket with 1001 as the web application stops: earlier than CDI's pre-destroy, while
 * the container can still write the close frames.
 */
@WebListener
public class ShutdownListener implements ServletContextListener {
  @Inject RealtimeLifecycle lifecycle;

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    lifecycle.shutDown();
  }
}
