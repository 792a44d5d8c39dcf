namespace CareReview.Web.Features.Reviews;

/// <summary>
/// The record of a held review as a PDF download (ADR-0008). Anyone who may see the review page may take
/// the record away; each export is audited, with ids only, in the same save.
/// </summary>
public sealed class PdfModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ReviewPageModel(db, audit, time, calendars)
{
    public async Task<IActionResult> OnGetAsync()
    {
        var pdf = ReviewPdf.Build(Child, Review, Today);
        Audit.Record(AuditAction.ReviewExported, Child.Id, $"review:{Review.Id};format:pdf");
        await Db.SaveChangesAsync();
        return File(pdf, "application/pdf", ReviewPdf.FileName(Child, Review));
    }

    /// <summary>Only a held review has a record to take away.</summary>
    protected internal override Task<bool> AdmitsAsync() => Task.FromResult(Review.IsHeld);
}
