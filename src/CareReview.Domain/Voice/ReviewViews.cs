using CareReview.Domain.Reviews;

namespace CareReview.Domain.Voice;

public enum ViewsAuthor
{
    Child,
    ParentOrCarer,
}

/// <summary>What a child or a parent or carer typed before a review. Answers they skip stay empty.</summary>
public sealed record ViewsDraft(
    string? GoingWell,
    string? NotGoingWell,
    string? WantToChange,
    string? WhoIWantThere = null,
    string? WhereAndWhen = null,
    bool? TalkToIroAlone = null,
    bool? WantAdvocate = null,
    bool? WillAttend = null);

/// <summary>
/// A child's or a parent's views sent before a review, for the IRO's agenda (reg 36 and the IRO
/// Handbook: the IRO must know the child's wishes and feelings before the meeting). One set per author
/// per review; the author may change it until the review is held.
/// </summary>
public sealed class ReviewViews
{
    public const int MaxAnswerLength = 2000;
    public const int MaxShortAnswerLength = 500;

    private ReviewViews()
    {
    }

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public int ReviewId { get; private set; }
    public ViewsAuthor Author { get; private set; }
    public string AuthorName { get; private set; } = "";

    /// <summary>For a parent or carer, who they are to the child ("Mum", "Foster carer").</summary>
    public string? Relationship { get; private set; }

    /// <summary>The parent's invitation, so one link gives one set of views.</summary>
    public int? InvitationId { get; private set; }

    public string? GoingWell { get; private set; }
    public string? NotGoingWell { get; private set; }
    public string? WantToChange { get; private set; }
    public string? WhoIWantThere { get; private set; }
    public string? WhereAndWhen { get; private set; }
    public bool? TalkToIroAlone { get; private set; }
    public bool? WantAdvocate { get; private set; }
    public bool? WillAttend { get; private set; }
    public DateOnly SentOn { get; private set; }
    public DateOnly? ChangedOn { get; private set; }

    /// <summary>
    /// Optimistic concurrency token, bumped on every save. It starts at 1, so a form shown before any views
    /// were sent (version 0) cannot overwrite views sent from somewhere else meanwhile.
    /// </summary>
    public long Version { get; set; } = 1;

    public static ReviewViews FromChild(Review review, string childName, ViewsDraft draft, DateOnly today)
    {
        CheckOpen(review);
        var views = new ReviewViews { ChildId = review.ChildId, ReviewId = review.Id, Author = ViewsAuthor.Child, AuthorName = childName, SentOn = today };
        views.Apply(draft);
        return views;
    }

    public static ReviewViews FromParent(Review review, int invitationId, string name, string relationship, ViewsDraft draft, DateOnly today)
    {
        CheckOpen(review);
        var views = new ReviewViews
        {
            ChildId = review.ChildId,
            ReviewId = review.Id,
            Author = ViewsAuthor.ParentOrCarer,
            AuthorName = name,
            Relationship = relationship,
            InvitationId = invitationId,
            SentOn = today,
        };
        views.Apply(draft);
        return views;
    }

    public void Change(Review review, ViewsDraft draft, DateOnly today)
    {
        CheckOpen(review);
        Apply(draft);
        ChangedOn = today;
    }

    /// <summary>Every problem with a draft, by field, so a form can show them all at once.</summary>
    public static IReadOnlyList<DomainRuleException> Problems(ViewsDraft draft)
    {
        var problems = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(draft.GoingWell) && string.IsNullOrWhiteSpace(draft.NotGoingWell) && string.IsNullOrWhiteSpace(draft.WantToChange))
        {
            problems.Add(new DomainRuleException("Tell us at least one thing: what is going well, what is not, or what you want to change", nameof(ViewsDraft.GoingWell)));
        }

        AddIfTooLong(problems, draft.GoingWell, MaxAnswerLength, nameof(ViewsDraft.GoingWell));
        AddIfTooLong(problems, draft.NotGoingWell, MaxAnswerLength, nameof(ViewsDraft.NotGoingWell));
        AddIfTooLong(problems, draft.WantToChange, MaxAnswerLength, nameof(ViewsDraft.WantToChange));
        AddIfTooLong(problems, draft.WhoIWantThere, MaxShortAnswerLength, nameof(ViewsDraft.WhoIWantThere));
        AddIfTooLong(problems, draft.WhereAndWhen, MaxShortAnswerLength, nameof(ViewsDraft.WhereAndWhen));
        return problems;
    }

    private void Apply(ViewsDraft draft)
    {
        // Each author is asked only their own questions; anything else posted is not theirs to answer.
        draft = Author == ViewsAuthor.Child
            ? draft with { WillAttend = null }
            : draft with { WhoIWantThere = null, WhereAndWhen = null, TalkToIroAlone = null, WantAdvocate = null };
        if (Problems(draft) is [var first, ..])
        {
            throw first;
        }

        GoingWell = Tidy(draft.GoingWell);
        NotGoingWell = Tidy(draft.NotGoingWell);
        WantToChange = Tidy(draft.WantToChange);
        WhoIWantThere = Tidy(draft.WhoIWantThere);
        WhereAndWhen = Tidy(draft.WhereAndWhen);
        TalkToIroAlone = draft.TalkToIroAlone;
        WantAdvocate = draft.WantAdvocate;
        WillAttend = draft.WillAttend;
    }

    private static void CheckOpen(Review review)
    {
        if (review.IsHeld)
        {
            throw new DomainRuleException("This review has already happened, so views for it can no longer be sent or changed");
        }
    }

    private static void AddIfTooLong(List<DomainRuleException> problems, string? text, int limit, string field)
    {
        if ((text?.Trim().Length ?? 0) > limit)
        {
            problems.Add(new DomainRuleException($"This answer must be {limit:N0} characters or fewer", field));
        }
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
