namespace CareReview.Web.Features.Reminders;

/// <summary>
/// The text of a reminder email. Email leaves the council's systems, so it says no more about the child
/// than their first name and the date, and links to the app for the rest (STYLE.md §3.8).
/// </summary>
public static class ReminderEmail
{
    public static (string Subject, string Body) Compose(ReminderKind kind, int subjectId, DateOnly dueOn, string staffName,
        string childFirstName, string? appUrl)
    {
        var date = GovukDate.Format(dueOn);
        var (subject, line, path) = kind switch
        {
            ReminderKind.RecommendationDueSoon => (
                $"Care Review: a recommendation is due by {date}",
                $"A recommendation from {childFirstName}'s review that you are to carry out is due by {date}.",
                $"/recommendations/{subjectId}"),
            ReminderKind.RecommendationOverdue => (
                "Care Review: a recommendation is overdue",
                $"A recommendation from {childFirstName}'s review that you are to carry out was due by {date} and is not recorded as done.",
                $"/recommendations/{subjectId}"),
            ReminderKind.ReviewDueSoon => (
                $"Care Review: a review is due by {date}",
                $"{childFirstName}'s next review is due by {date}.",
                $"/children/{subjectId}"),
            ReminderKind.EscalationResponseDueSoon => (
                $"Care Review: your response to an escalation is due by {date}",
                $"An IRO has escalated a concern about {childFirstName}'s care to you. Your response is due by {date}.",
                $"/escalations/{subjectId}"),
            ReminderKind.EscalationResponseOverdue => (
                "Care Review: your response to an escalation is overdue",
                $"An IRO has escalated a concern about {childFirstName}'s care to you. Your response was due by {date} and has not been sent.",
                $"/escalations/{subjectId}"),
        };

        var link = string.IsNullOrWhiteSpace(appUrl)
            ? "Sign in to Care Review and open Reminders to see it."
            : $"See it in Care Review: {appUrl.TrimEnd('/')}{path}";
        var body = $"""
            Dear {staffName},

            {line}

            {link}

            This email leaves out the details on purpose. You can see all your reminders in Care Review under Reminders.
            """;
        return (subject, body.ReplaceLineEndings("\r\n"));
    }
}
