namespace CareReview.Web.Features.Audit;

/// <summary>
/// The IRO manager's check that the audit log has not been changed since it was written: the hash chain
/// walked end to end (ADR-0023), as <c>verify-audit</c> does. Each check is audited.
/// </summary>
public sealed class ChainModel(AppDbContext db, AuditLog audit) : PageModel
{
    public AuditChainReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await AuditChainCheck.RunAsync(db, cancellationToken);

        // Without the chain's head nothing audited can be saved; the page still says so rather than failing.
        if (await db.Set<AuditChainHead>().AnyAsync(cancellationToken))
        {
            audit.Record(AuditAction.AuditChainChecked, details: Report.Details);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
