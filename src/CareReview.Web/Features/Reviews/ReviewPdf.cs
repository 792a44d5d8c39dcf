using CareReview.Web.Output;

namespace CareReview.Web.Features.Reviews;

/// <summary>
/// The record of a held review as a PDF (ADR-0008), in the order of the review page: when it was held and
/// how the child took part, what was said, the Schedule 7 considerations, the recommendations (what, who,
/// by when, how it is monitored and where it stands on the day it is produced), and last, on a page of its
/// own that can be given to the child, the letter to the child.
/// </summary>
public static class ReviewPdf
{
    public static string FileName(Child child, Review review)
    {
        return $"review-{PrintedDocument.FileNamePart(child.LocalId)}-{review.HeldOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf";
    }

    public static byte[] Build(Child child, Review review, DateOnly today)
    {
        if (review.HeldOn is not { } held)
        {
            throw new InvalidOperationException("Only a review that has been held has a record.");
        }

        var heldOn = GovukDate.Format(held);
        using var pdf = new PrintedDocument($"Review record: {child.FullName}, review held on {heldOn}");
        pdf.Caption($"{child.FullName}, {child.LocalId}");
        pdf.Title($"Review held on {heldOn}");
        pdf.Paragraph($"The record of a looked-after child review, produced by Care Review on {GovukDate.Format(today)}. " +
            "Recommendations show where they stood that day.", size: 10, secondary: true);

        pdf.Space(4);
        pdf.Row("Child", $"{child.FullName}, born {GovukDate.Format(child.DateOfBirth)}");
        pdf.Row("Held on", $"{heldOn} (due by {GovukDate.Format(review.DueOn)}){(review.WasLate ? ". Late" : "")}");
        pdf.Row($"How {child.GivenName} took part",
            review.ParticipationCode is { } p ? $"{p} – {p.Describe()}" : "Not recorded (short breaks)");
        pdf.Row("Who attended", review.Attendees ?? "Not recorded");
        pdf.Row($"{child.GivenName}'s wishes and feelings", review.ChildWishesAndFeelings ?? "Not recorded");
        pdf.Row("Parents' and carers' views", review.ParentsViews ?? "Not recorded");
        pdf.Row("The IRO's view", review.IroView ?? "Not recorded");

        // Each section's heading is kept with its first item, and each item kept on one page where it fits.
        foreach (var (c, first) in review.Considerations.OrderBy(c => c.Paragraph).Select((c, i) => (c, i == 0)))
        {
            pdf.KeepTogether(() =>
            {
                if (first)
                {
                    pdf.Heading("What the review considered");
                }

                pdf.Subheading(Schedule7.Considerations[c.Paragraph - 1].Text);
                pdf.Paragraph(c.Answer);
                pdf.Rule();
            });
        }

        if (review.Recommendations.Count == 0)
        {
            pdf.Heading("Decisions and recommendations");
            pdf.Paragraph("None were made.");
        }

        foreach (var (r, number) in review.Recommendations.Select((r, i) => (r, i + 1)))
        {
            pdf.KeepTogether(() =>
            {
                if (number == 1)
                {
                    pdf.Heading("Decisions and recommendations");
                }

                pdf.Subheading(string.Create(CultureInfo.InvariantCulture, $"{number}. {r.Action}"));
                pdf.Row("Who", $"{r.OwnerName}, {r.OwnerRole}", keyShare: 0.25);
                pdf.Row("By when", GovukDate.Format(r.DueOn), keyShare: 0.25);
                pdf.Row("How it is monitored", r.Monitoring, keyShare: 0.25);
                pdf.Row("Where it stands", Status(r, today), keyShare: 0.25);
                if (r.Updates.Count > 0)
                {
                    var latest = r.Updates.OrderBy(u => u.On).ThenBy(u => u.Id).Last();
                    pdf.Row("Latest update", $"{GovukDate.Format(latest.On)}, {latest.By}: {latest.Note}", keyShare: 0.25);
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(review.LetterToChild))
        {
            pdf.NewPage();
            pdf.Title($"A letter to {child.GivenName}");
            pdf.Paragraph(review.LetterToChild, size: 13);
        }

        return pdf.Build($"{child.FullName}, {child.LocalId}: review held on {heldOn}");
    }

    /// <summary>Where a recommendation stands, in the words of the review page.</summary>
    public static string Status(Recommendation recommendation, DateOnly today) => recommendation.Status switch
    {
        RecommendationStatus.Done when recommendation.DoneOnTime => $"Done on {GovukDate.Format(recommendation.CompletedOn)}",
        RecommendationStatus.Done => $"Done on {GovukDate.Format(recommendation.CompletedOn)}, after its date",
        RecommendationStatus.CarriedForward => "Carried forward to the next review",
        RecommendationStatus.Dropped => "No longer needed",
        RecommendationStatus.Open when recommendation.IsOverdueOn(today) => "Overdue",
        _ => "Open",
    };
}
