using System.Text.Encodings.Web;
using System.Text.Json;
using CareReview.Web.Output;

namespace CareReview.Web.Features.SubjectAccess;

/// <summary>The release as a file: a PDF to read (ADR-0008's layout) or JSON for a machine (ADR-0027's shape).</summary>
public static class SubjectAccessOutput
{
    /// <summary>
    /// camelCase names, ISO dates, nulls written (so every field is always there), indented, and letters written as
    /// themselves: the file is a download, never put into a page, so HTML-sensitive characters need no escaping.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string FileName(Child child, DateOnly today, string extension) =>
        $"subject-access-{PrintedDocument.FileNamePart(child.LocalId)}-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    public static byte[] JsonFile(SubjectAccessRelease release) => JsonSerializer.SerializeToUtf8Bytes(release, Json);

    public static byte[] Pdf(SubjectAccessRelease release)
    {
        var c = release.Child;
        var name = $"{c.GivenName} {c.FamilyName}";
        using var pdf = new PrintedDocument($"Subject access: the record of {name}");
        pdf.Caption($"{name}, {c.LocalId}");
        pdf.Title("Your record");
        pdf.Paragraph($"Everything Care Review holds about {name}, produced on {GovukDate.Format(release.ProducedOn)} in answer to a subject " +
            $"access request (Data Protection Act 2018). Other people's details have been removed where they appear as \"{release.Redactions.Mark}\".",
            size: 10, secondary: true);

        Section(pdf, "Details", () =>
        {
            pdf.Row("Name", name);
            pdf.Row("Date of birth", GovukDate.Format(c.DateOfBirth));
            pdf.Row("Local reference", c.LocalId);
            pdf.Row("Sex", c.Sex.Meaning);
            pdf.Row("Ethnicity", c.Ethnicity?.Meaning ?? "Not recorded");
            pdf.Row("Unique pupil number", c.Upn ?? "Not recorded");
            pdf.Row("Unaccompanied asylum-seeking child", c.UnaccompaniedAsylumSeeking ? "Yes" + Until(c.UnaccompaniedAsylumSeekingCeasedOn) : "No");
            pdf.Row("Disability", YesNo(c.HasDisability));
            pdf.Row("IRO", c.Iro ?? "None allocated");
            pdf.Row("Social worker", c.SocialWorker ?? "None allocated");
            pdf.Row("Next review due", GovukDate.Format(c.NextReviewDueOn, "None due"));
            if (release.BrothersAndSistersInCare.Count > 0)
            {
                pdf.Row("Brothers and sisters in care", string.Join("\n", release.BrothersAndSistersInCare));
            }
        });

        List(pdf, "IROs and social workers", release.Allocations, a =>
        {
            pdf.Row("From", GovukDate.Format(a.From, "Not known"));
            pdf.Row("IRO", a.Iro ?? "None");
            pdf.Row("Social worker", a.SocialWorker ?? "None");
            Optional(pdf, "Why not the same IRO as brothers and sisters", a.WhyNotTheSiblingsIro);
        });

        List(pdf, "Care episodes and placements", release.CareEpisodes, e =>
        {
            pdf.Subheading($"From {GovukDate.Format(e.StartedOn)}{(e.EndedOn is { } ended ? $" to {GovukDate.Format(ended)}" : "")}");
            pdf.Row("Why it started", e.ReasonForNewEpisode.Meaning);
            pdf.Row("Legal status", $"{e.LegalStatus.Code}: {e.LegalStatus.Meaning}");
            pdf.Row("Category of need", e.CategoryOfNeed.Meaning);
            pdf.Row("Placement", $"{e.PlacementType.Code}: {e.PlacementType.Meaning}");
            Optional(pdf, "Placement provider", e.PlacementProvider?.Meaning);
            Optional(pdf, "Home postcode", e.HomePostcode);
            Optional(pdf, "Placement postcode", e.PlacementPostcode);
            Optional(pdf, "Why the placement changed", e.ReasonForPlacementChange?.Meaning);
            Optional(pdf, "Why it ended", e.ReasonEnded?.Meaning);
        });

        List(pdf, "Care plans", release.CarePlans, v =>
        {
            pdf.Subheading($"Version {v.Number}, {GovukDate.Format(v.MadeOn)}, by {v.MadeBy}");
            pdf.Row("Permanence", string.Join("\n", v.Permanence.Select(p => p.Meaning)));
            Optional(pdf, "IRO", v.Iro);
            Optional(pdf, "What changed", v.ChangeNote);
            foreach (var s in v.Sections.Where(s => s.Text.Length > 0))
            {
                pdf.Row(s.Section, s.Text);
            }
        });

        List(pdf, "Plans written for you", release.PlansWrittenForTheChild, p =>
        {
            pdf.Subheading($"Written by {p.WrittenBy} on {GovukDate.Format(p.WrittenOn)}{(p.SharedOn is { } shared ? $", shared on {GovukDate.Format(shared)}" : ", not shared")}");
            pdf.Paragraph(p.Text);
        });

        List(pdf, "Reviews", release.Reviews, review => Review(pdf, review));

        List(pdf, "Visits and assessments", release.VisitsAndAssessments, e =>
        {
            pdf.Row(GovukDate.Format(e.On), string.Join("\n", new[]
            {
                e.Kind + (e.ChildSeen is { } seen ? seen ? e.SeenAlone == true ? ", seen alone" : ", seen" : ", not seen" : ""),
                e.WhyNotSeenAlone is { } why ? $"Why not seen alone: {why}" : null,
                e.Note,
                $"Recorded by {e.RecordedBy} on {GovukDate.Format(e.RecordedOn)}",
            }.OfType<string>()));
        });

        List(pdf, "Concerns the IRO raised", release.Escalations, e =>
        {
            pdf.Subheading($"{e.Category}, raised on {GovukDate.Format(e.RaisedOn)} by {e.RaisedBy}");
            pdf.Row("The concern", e.Concern);
            pdf.Row("What is needed", $"{e.Needed} (by {GovukDate.Format(e.NeededBy)})");
            foreach (var d in e.InformalDiscussions)
            {
                pdf.Row($"Discussed on {GovukDate.Format(d.On)}", $"With {d.With}: {d.Conversation}\nAgreed: {d.AgreedAction}");
            }

            foreach (var s in e.FormalStages)
            {
                pdf.Row($"Stage {s.Number}: {s.Level}", string.Join("\n", new[]
                {
                    $"Asked {s.Respondent} on {GovukDate.Format(s.OpenedOn)}, to answer by {GovukDate.Format(s.ResponseDueOn)}",
                    s.Response is null ? null : $"Answered on {GovukDate.Format(s.RespondedOn)}: {s.Response}",
                    s.Decision is null ? null : $"{s.Decision} on {GovukDate.Format(s.DecidedOn)}{(s.DecisionNote is { } decided ? $": {decided}" : "")}",
                }.OfType<string>()));
            }

            Optional(pdf, "Outcome", e.Outcome is null ? null : $"{e.Outcome} on {GovukDate.Format(e.ClosedOn)}{(e.ClosingNote is { } note ? $": {note}" : "")}");
        });

        List(pdf, "Referrals to Cafcass", release.CafcassReferrals, r =>
        {
            pdf.Subheading($"Referred on {GovukDate.Format(r.ReferredOn)} by {r.ReferredBy}");
            pdf.Row("Grounds", r.Grounds);
            pdf.Row("Reasons", r.Reasons);
            pdf.Row("Outcome", r.Outcome + (r.OutcomeOn is { } on ? $" on {GovukDate.Format(on)}" : "") + (r.OutcomeNote is { } note ? $": {note}" : ""));
        });

        List(pdf, "Links sent to parents and carers", release.LinksToParentsAndCarers, l =>
            pdf.Row(GovukDate.Format(l.SentOn), $"{l.Name} ({l.Relationship}): {l.Purpose}. Sent by {l.SentBy}" +
                (l.UsedOn is { } used ? $"; used on {GovukDate.Format(used)}" : "") + (l.CancelledOn is { } cancelled ? $"; cancelled on {GovukDate.Format(cancelled)}" : "")));

        Section(pdf, "What was removed", () =>
        {
            pdf.Paragraph(release.Redactions.Total == 0
                ? "Nothing was removed."
                : $"Other people's details were removed before this record was released: {release.Redactions.Total} in all.");
            foreach (var removed in release.Redactions.Removed.Where(r => r.Count > 0))
            {
                pdf.Row(removed.What, removed.Count.ToString(CultureInfo.InvariantCulture));
            }
        });

        return pdf.Build($"{name}, {c.LocalId}: subject access release of {GovukDate.Format(release.ProducedOn)}");
    }

    private static void Review(PrintedDocument pdf, ReleasedReview review)
    {
        pdf.Subheading(review.HeldOn is { } held ? $"Review held on {GovukDate.Format(held)}" : $"Review due by {GovukDate.Format(review.DueOn)}, not yet held");
        pdf.Row("Due by", GovukDate.Format(review.DueOn));
        Optional(pdf, "Arranged for", review.ArrangedFor is { } on ? $"{GovukDate.Format(on)}{(review.StartsAt is { } at ? $" at {Clock.Time(TimeOnly.ParseExact(at, "HH:mm", CultureInfo.InvariantCulture))}" : "")}{(review.Venue is { } venue ? $", {venue}" : "")}" : null);
        Optional(pdf, "Who was invited", review.Invitees);
        Optional(pdf, "Why later than due", review.WhyLaterThanDue);
        Optional(pdf, "Seen alone before the review", review.ChildSeenAloneOn is { } alone ? GovukDate.Format(alone) : review.WhyNotSeenAlone);
        Optional(pdf, "Adjourned", review.AdjournedOn is { } adjourned ? $"{GovukDate.Format(adjourned)}: {review.WhyAdjourned}" : null);
        Optional(pdf, "How you took part", review.Participation is { } p ? $"{p.Code}: {p.Meaning}" : null);
        Optional(pdf, "Means", review.HowTheChildTookPart.Count == 0 ? null : string.Join("\n", review.HowTheChildTookPart));
        Optional(pdf, "Who attended", review.Attendees);
        Optional(pdf, "Wishes and feelings", review.WishesAndFeelings);
        Optional(pdf, "Parents' and carers' views", review.ParentsViews);
        Optional(pdf, "The IRO's view", review.IroView);
        foreach (var c in review.Considerations)
        {
            pdf.Row(c.Consideration, c.Answer);
        }

        foreach (var (r, number) in review.Recommendations.Select((r, i) => (r, i + 1)))
        {
            pdf.KeepTogether(() =>
            {
                pdf.Subheading(string.Create(CultureInfo.InvariantCulture, $"Recommendation {number}: {r.Action}"));
                pdf.Row("Who", $"{r.Owner}, {r.OwnerRole}", keyShare: 0.25);
                pdf.Row("By when", GovukDate.Format(r.DueOn), keyShare: 0.25);
                pdf.Row("How it is monitored", r.Monitoring, keyShare: 0.25);
                pdf.Row("Where it stands", r.Status, keyShare: 0.25);
                foreach (var u in r.Updates)
                {
                    pdf.Row($"Update, {GovukDate.Format(u.On)}", $"{u.By}: {u.Note}", keyShare: 0.25);
                }
            });
        }

        foreach (var v in review.ViewsBeforeTheReview)
        {
            pdf.Row($"Views sent on {GovukDate.Format(v.SentOn)}", string.Join("\n", new[]
            {
                v.From == "Child" ? "Your own views" : $"From {v.Name}{(v.Relationship is { } rel ? $" ({rel})" : "")}",
                Said("Going well", v.GoingWell), Said("Not going well", v.NotGoingWell), Said("To change", v.WantToChange),
                Said("Who to be there", v.WhoToBeThere), Said("Where and when", v.WhereAndWhen),
            }.OfType<string>()));
        }

        if (review.RateMyReview is { } card)
        {
            pdf.Row("Rate My Review", string.Join("\n", new[]
            {
                $"{card.Rating}, on {GovukDate.Format(card.GivenOn)}", card.Comment,
                card.FollowedUpOn is { } followed ? $"Followed up on {GovukDate.Format(followed)} by {card.FollowedUpBy}: {card.FollowUpNote}" : null,
            }.OfType<string>()));
        }

        Optional(pdf, "Decisions issued", review.DecisionsIssuedOn is { } issued ? GovukDate.Format(issued) : null);
        Optional(pdf, "Letter to you", review.LetterToChild);
        pdf.Rule();
    }

    private static void Section(PrintedDocument pdf, string heading, Action content)
    {
        pdf.Heading(heading);
        content();
    }

    private static void List<T>(PrintedDocument pdf, string heading, IReadOnlyList<T> items, Action<T> each)
    {
        pdf.Heading(heading);
        if (items.Count == 0)
        {
            pdf.Paragraph("None recorded.");
        }

        foreach (var item in items)
        {
            each(item);
        }
    }

    private static void Optional(PrintedDocument pdf, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            pdf.Row(key, value);
        }
    }

    private static string? Said(string what, string? text) => string.IsNullOrWhiteSpace(text) ? null : $"{what}: {text}";

    private static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => "Not recorded",
    };

    private static string Until(DateOnly? on) => on is { } d ? $", until {GovukDate.Format(d)}" : "";
}
