using CareReview.Web.Output;

namespace CareReview.Web.Features.CarePlans;

/// <summary>The shared plan written for the child, as a PDF to print or send (ADR-0008); each download is audited.</summary>
public sealed class PdfModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public async Task<IActionResult> OnGetAsync()
    {
        var shared = Child.SharedChildFriendlyPlan!;
        using var pdf = new PrintedDocument($"My plan: {Child.GivenName}");
        pdf.Title($"My plan, {Child.GivenName}");
        pdf.Paragraph($"Shared on {GovukDate.Format(shared.SharedOn)}.", size: 10, secondary: true);
        pdf.Space(6);
        foreach (var part in shared.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = part.Split('\n');
            if (lines.Length > 1 && lines[0].Length <= 40 && !lines[0].EndsWith('.'))
            {
                pdf.Heading(lines[0]);
                pdf.Paragraph(string.Join('\n', lines[1..]));
            }
            else
            {
                pdf.Paragraph(part);
            }
        }

        var bytes = pdf.Build($"{Child.FullName}, {Child.LocalId}. Written for a child aged {ChildFriendlyPlan.Describe(shared.AgeBand).ToLowerInvariant()}");
        Audit.Record(AuditAction.ChildFriendlyPlanExported, Child.Id, $"plan:{shared.Id};format:pdf");
        await Db.SaveChangesAsync();
        return File(bytes, "application/pdf", $"my-plan-{PrintedDocument.FileNamePart(Child.LocalId)}.pdf");
    }

    /// <summary>Only a plan that has been shared is printed.</summary>
    protected internal override Task<bool> AdmitsAsync() => Task.FromResult(Child.SharedChildFriendlyPlan is not null);

    protected internal override string RefusalDetails => "page:child-friendly-plan;pdf";
}
