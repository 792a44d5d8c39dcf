using CareReview.Web.Auditing;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Children;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Reviews;

/// <summary>
/// The record of a held review as a PDF download (ADR-0008). Anyone who may see the review page may take
/// the record away; each export is audited, with ids only, in the same save.
/// </summary>
public sealed class PdfModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public async Task<IActionResult> OnGetAsync(int id, int reviewId)
    {
        if (await LoadChildAsync(id) is null || FindReview(reviewId) is not { IsHeld: true } review)
        {
            return await RefuseAsync($"review:{reviewId};page:pdf");
        }

        var pdf = ReviewPdf.Build(Child, review, Today);
        Audit.Record(AuditAction.ReviewExported, Child.Id, $"review:{review.Id};format:pdf");
        await Db.SaveChangesAsync();
        return File(pdf, "application/pdf", ReviewPdf.FileName(Child, review));
    }
}
