namespace CareReview.Web.Data.Entities;

/// <summary>
/// One row, written when a database is first set up: whether it holds a demonstration's synthetic council or a
/// council's own records. It never changes, so a demonstration database cannot later take real children, and a
/// council's database never gets the demo sign-ins with their published password (ADR-0025).
/// </summary>
public sealed class Installation
{
    public int Id { get; set; }
    public bool IsDemonstration { get; set; }
    public DateTime SetUpAtUtc { get; set; }
}
