using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Features.Reminders;

/// <summary>A plain-text message to one member of staff.</summary>
public sealed record Notification(string ToAddress, string ToName, string Subject, string Body);

/// <summary>Sends notifications out of the app: the external edge that tests replace or point at a local server.</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}

/// <summary>Email settings (section "Email"). Off unless Email:Smtp:Enabled is true.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The address people open the app at, such as https://carereview.example.gov.uk, for links in emails.</summary>
    public string? AppUrl { get; set; }
}

public sealed class SmtpOptions
{
    public bool Enabled { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>The sender's address, such as "Care Review &lt;care-review@example.gov.uk&gt;".</summary>
    public string? From { get; set; }

    /// <summary>Use STARTTLS (System.Net.Mail does not do implicit TLS on port 465).</summary>
    public bool EnableSsl { get; set; }
}

/// <summary>Sends notifications by SMTP with System.Net.Mail: one connection per message, which suits a few an hour.</summary>
public sealed class SmtpNotificationSender(IOptions<EmailOptions> options) : INotificationSender
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.Enabled || string.IsNullOrWhiteSpace(smtp.Host) || string.IsNullOrWhiteSpace(smtp.From))
        {
            throw new InvalidOperationException("Email is off: set Email:Smtp:Enabled, Email:Smtp:Host and Email:Smtp:From.");
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            UseDefaultCredentials = false,
        };
        using var message = new MailMessage(new MailAddress(smtp.From), new MailAddress(notification.ToAddress, notification.ToName))
        {
            Subject = notification.Subject,
            Body = notification.Body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}
