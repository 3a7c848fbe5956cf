package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.HtmlMessage;
import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.PlainTextMessage;
import io.nhslistener.alerts.delivery.message.Wording;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Sends each message as one e-mail with a plain-text and an HTML body ({@code multipart/alternative}).
 *
 * <p>With {@code starttls} the upgrade is required: a server that does not offer STARTTLS gets no message rather than a
 * plain-text one. Certificates and the server's host name are verified against the configured trust. The
 * {@code Message-ID} is derived from the route and the alert ids, so a message re-sent after a restart carries the same
 * id and mail clients that deduplicate on it show it once.
 */
public final class EmailChannel implements Channel {
  private static final String ALERT_IDS_HEADER = "X-Listener-Alert-Ids";

  private final String routeId;
  private final SmtpSettings smtp;
  private final Session session;
  private final Wording wording;
  private final PlainTextMessage text;
  private final HtmlMessage html;
  private final Clock clock;

  public EmailChannel(String routeId, SmtpSettings smtp, SSLContext tls, Wording wording, Clock clock) {
    this.routeId = routeId;
    this.smtp = smtp;
    this.session = Session.getInstance(properties(smtp, tls));
    this.wording = wording;
    this.text = new PlainTextMessage(wording);
    this.html = new HtmlMessage(wording);
    this.clock = clock;
  }

  @Override
  public String type() {
    return "email";
  }

  @Override
  public boolean groupsAlerts() {
    return true;
  }

  @Override
  public void send(Notification notification) throws DeliveryException {
    try {
      MimeMessage message = compose(notification);
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw FailureClassifier.mail(e);
    }
  }

  MimeMessage compose(Notification notification) throws MessagingException {
    String ids = notification.alerts().stream().map(view -> view.alert().id()).collect(Collectors.joining(","));
    MimeMessage message = new StableIdMessage(session, messageId(ids));
    message.setFrom(smtp.from());
    message.setRecipients(Message.RecipientType.TO, smtp.to().toArray(new InternetAddress[0]));
    message.setSubject(smtp.subjectPrefix() + " " + wording.heading(notification), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader(ALERT_IDS_HEADER, ids);
    // RFC 3834: tells mail servers and auto-responders that no human sent this.
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text.render(notification), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html.render(notification), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  private String messageId(String alertIds) {
    UUID id = UUID.nameUUIDFromBytes((routeId + "|" + alertIds).getBytes(StandardCharsets.UTF_8));
    String domain = smtp.from().getAddress();
    domain = domain.substring(domain.indexOf('@') + 1);
    return "<" + HexFormat.of().toHexDigits(id.getMostSignificantBits())
        + HexFormat.of().toHexDigits(id.getLeastSignificantBits()) + ".alerts@" + domain + ">";
  }

  private static Properties properties(SmtpSettings smtp, SSLContext tls) {
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
    props.put("mail.smtp.timeout", Long.toString(smtp.readTimeout().toMillis()));
    props.put("mail.smtp.writetimeout", Long.toString(smtp.readTimeout().toMillis()));
    props.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
    if (smtp.security() != SmtpSettings.Security.NONE) {
      // An object, not a class name, hence put rather than setProperty; it carries the configured trust.
      props.put("mail.smtp.ssl.socketFactory", tls.getSocketFactory());
      props.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    if (smtp.security() == SmtpSettings.Security.STARTTLS) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    } else if (smtp.security() == SmtpSettings.Security.TLS) {
      props.put("mail.smtp.ssl.enable", "true");
    }
    return props;
  }

  /** Jakarta Mail assigns a random Message-ID on save; this keeps ours. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
