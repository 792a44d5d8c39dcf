using CareReview.Web.Features.Reviews;

namespace CareReview.Web.Features.SubjectAccess;

/// <summary>
/// A child's whole record as released for a subject access request (ADR-0027): what the JSON file holds, field
/// for field, and what the PDF prints. It is built once with the manager's redactions applied, so the two
/// formats cannot differ in what they leave out. Dates are <see cref="DateOnly"/> (ISO <c>yyyy-MM-dd</c> in JSON);
/// DfE codes come with their meaning. Adding a field is a new version of the shape only if it changes one already here.
/// </summary>
public sealed record SubjectAccessRelease(
    string Format,
    int Version,
    DateOnly ProducedOn,
    ReleasedChild Child,
    IReadOnlyList<string> BrothersAndSistersInCare,
    IReadOnlyList<ReleasedAllocation> Allocations,
    IReadOnlyList<ReleasedEpisode> CareEpisodes,
    IReadOnlyList<ReleasedCarePlan> CarePlans,
    IReadOnlyList<ReleasedChildFriendlyPlan> PlansWrittenForTheChild,
    IReadOnlyList<ReleasedReview> Reviews,
    IReadOnlyList<ReleasedCareEvent> VisitsAndAssessments,
    IReadOnlyList<ReleasedEscalation> Escalations,
    IReadOnlyList<ReleasedCafcassReferral> CafcassReferrals,
    IReadOnlyList<ReleasedLink> LinksToParentsAndCarers,
    ReleasedRedactions Redactions)
{
    public const string FormatName = "care-review-subject-access";
    public const int CurrentVersion = 1;

    public static SubjectAccessRelease Build(SubjectAccessSources sources, Redactor r, DateOnly today)
    {
        var child = sources.Child;
        var release = new SubjectAccessRelease(
            FormatName,
            CurrentVersion,
            today,
            new ReleasedChild(child.LocalId, child.GivenName, child.FamilyName, child.DateOfBirth, Coded.Of(child.Sex.ToString(), child.Sex.Describe()),
                child.Ethnicity is { } ethnicity ? Coded.Of(ethnicity.ToString(), ethnicity.Describe()) : null, child.Upn,
                child.IsUasc, child.UascCeasedOn, child.HasDisability, child.IsMother, child.MothersChildBornOn,
                r.Text(child.Iro?.Name), r.Text(child.SocialWorker?.Name), child.NextReviewDueOn),
            [.. sources.Siblings.Select(s => r.Text(s)!)],
            [.. child.Allocations.OrderBy(a => a.From).ThenBy(a => a.Id)
                .Select(a => new ReleasedAllocation(a.From, r.Text(a.IroName), r.Text(a.SocialWorkerName), r.Text(a.SiblingIroReason)))],
            [.. child.Episodes.OrderBy(e => e.StartedOn).ThenBy(e => e.Id).Select(e => new ReleasedEpisode(
                e.StartedOn, e.EndedOn,
                Coded.Of(e.ReasonForNewEpisode.ToString(), e.ReasonForNewEpisode.Describe()),
                Coded.Of(e.LegalStatus.ToString(), e.LegalStatus.Describe()),
                Coded.Of(e.CategoryOfNeed.ToString(), e.CategoryOfNeed.Describe()),
                Coded.Of(e.PlacementType.ToString(), e.PlacementType.Describe()),
                e.ReasonEnded is { } ended ? Coded.Of(ended.ToString(), ended.Describe()) : null,
                e.ReasonForPlacementChange is { } change ? Coded.Of(change.ToString(), change.Describe()) : null,
                e.PlacementProvider is { } provider ? Coded.Of(provider.ToString(), provider.Describe()) : null,
                r.Item(SubjectAccessSources.PostcodesKey, RedactionKind.Postcodes, e.HomePostcode, $"home:{e.Id}"),
                r.Item(SubjectAccessSources.PostcodesKey, RedactionKind.Postcodes, e.PlacementPostcode, $"placement:{e.Id}"),
                e.Urn))],
            [.. child.CarePlans.OrderBy(v => v.Number).Select(v => new ReleasedCarePlan(
                v.Number, v.MadeOn, r.Text(v.MadeBy)!, r.Text(v.IroName),
                [.. v.Permanence.Select(p => Coded.Of(p.ToString(), p.Describe()))],
                r.Text(v.ChangeNote),
                [.. v.Sections.OrderBy(s => s.Section).Select(s => new ReleasedPlanSection(s.Section.Describe(), s.ChangedOn,
                    s.Section == CarePlanSection.ParentsWishesAndFeelings
                        ? r.Item(SubjectAccessSources.PlanParentsKey, RedactionKind.ParentsWishesInCarePlans, s.Text, $"plan:{v.Number}")!
                        : r.Text(s.Text)!))]))],
            [.. child.ChildFriendlyPlans.OrderBy(p => p.Id).Select(p => new ReleasedChildFriendlyPlan(
                ChildFriendlyPlan.Describe(p.AgeBand), r.Text(p.Text)!, r.Text(p.WrittenBy)!, p.WrittenOn, p.SharedOn, r.Text(p.SharedBy)))],
            [.. sources.Reviews.Select(review => Review(sources, review, r, today))],
            [.. child.CareEvents.OrderBy(e => e.On).ThenBy(e => e.Id).Select(e => new ReleasedCareEvent(
                CareEvent.Describe(e.Kind), e.On, e.ChildSeen, e.SeenAlone, r.Text(e.NotSeenAloneReason), r.Text(e.Note), r.Text(e.RecordedBy)!, e.RecordedOn))],
            [.. sources.Escalations.Select(e => new ReleasedEscalation(
                e.RaisedOn, r.Text(e.RaisedBy)!, e.Category.Describe(), r.Text(e.Concern)!, r.Text(e.Needed)!, e.NeededBy,
                e.Outcome?.Describe(), e.ClosedOn, r.Text(e.ClosedBy), r.Text(e.ClosingNote),
                [.. e.Discussions.OrderBy(d => d.On).ThenBy(d => d.Id).Select(d => new ReleasedDiscussion(
                    d.On, r.Text(d.With)!, r.Text(d.Conversation)!, r.Text(d.AgreedAction)!, r.Text(d.RecordedBy)!))],
                [.. e.Stages.OrderBy(s => s.Number).Select(s => new ReleasedStage(
                    s.Number, s.Level, r.Text(s.RespondentName)!, s.OpenedOn, s.ResponseDueOn, r.Text(s.Response), s.RespondedOn,
                    s.Decision?.Describe(), r.Text(s.DecisionNote), r.Text(s.DecidedBy), s.DecidedOn))]))],
            [.. sources.CafcassReferrals.Select(c => new ReleasedCafcassReferral(
                c.ReferredOn, c.Grounds.Describe(), r.Text(c.Reasons)!, r.Text(c.ReferredBy)!, c.Outcome.Describe(), c.OutcomeOn, r.Text(c.OutcomeNote)))],
            [.. sources.Invitations.Select(i => new ReleasedLink(
                r.Text(i.Name)!, r.Text(i.Relationship)!, i.Purpose == InvitationPurpose.Views ? "Give views before a review" : "Read the decisions of a review",
                Clock.DayInEngland(i.CreatedAt), r.Text(i.CreatedBy)!,
                i.UsedAt is { } used ? Clock.DayInEngland(used) : null,
                i.CancelledAt is { } cancelled ? Clock.DayInEngland(cancelled) : null))],
            ReleasedRedactions.Empty);

        // Counted last: every field above has been through the redactor by now.
        return release with { Redactions = ReleasedRedactions.From(r) };
    }

    private static ReleasedReview Review(SubjectAccessSources sources, Review review, Redactor r, DateOnly today)
    {
        var parentsViewsKey = $"parents-views:{review.Id}";
        var card = sources.Feedback.SingleOrDefault(f => f.ReviewId == review.Id);
        return new ReleasedReview(
            review.DueOn, review.ScheduledFor,
            review.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            r.Text(review.Venue), r.Text(review.Invitees), r.Text(review.LatenessReason),
            review.ConsultedOn, review.ReportsReceivedOn, review.ChildSeenAloneOn, r.Text(review.ChildNotSeenAloneReason), review.ParentsViewsSoughtOn,
            review.AdjournedOn, r.Text(review.AdjournmentReason), review.HeldOn,
            review.ParticipationCode is { } code ? Coded.Of(code.ToString(), code.Describe()) : null,
            [.. ParticipationMeansWords.Each.Where(m => review.ParticipationMeans.HasFlag(m)).Select(m => m.Describe())],
            r.Text(review.Attendees), r.Text(review.ChildWishesAndFeelings),
            r.Item(parentsViewsKey, RedactionKind.ParentsViewsAtReviews, review.ParentsViews),
            r.Text(review.IroView), r.Text(review.LetterToChild), review.DecisionsIssuedOn, review.RecordIssuedOn,
            [.. review.Considerations.OrderBy(c => c.Paragraph).Select(c => new ReleasedConsideration(
                c.Paragraph, Schedule7.Considerations[c.Paragraph - 1].Text, r.Text(c.Answer)!))],
            [.. review.Recommendations.OrderBy(x => x.Id).Select(x => new ReleasedRecommendation(
                r.Text(x.Action)!, r.Text(x.OwnerName)!, r.Text(x.OwnerRole)!, x.MadeOn, x.DueOn, r.Text(x.Monitoring)!,
                ReviewPdf.Status(x, today), x.CompletedOn,
                [.. x.Updates.OrderBy(u => u.On).ThenBy(u => u.Id).Select(u => new ReleasedUpdate(u.On, u.Kind.ToString(), r.Text(u.By)!, r.Text(u.Note)!))]))],
            [.. sources.Views.Where(v => v.ReviewId == review.Id).Select(v => Views(v, r))],
            card is null ? null : new ReleasedCard(card.Rating.Describe(), r.Text(card.Comment), card.GivenOn, card.FollowedUpOn,
                r.Text(card.FollowUpNote), r.Text(card.FollowedUpBy)));
    }

    private static ReleasedViews Views(ReviewViews v, Redactor r)
    {
        if (v.Author == ViewsAuthor.ParentOrCarer && r.Removes($"views:{v.Id}", RedactionKind.ViewsOfParentsAndCarers))
        {
            return new ReleasedViews("Parent or carer", Redactor.Mark, r.Text(v.Relationship), Redactor.Mark, Redactor.Mark, Redactor.Mark,
                Redactor.Mark, Redactor.Mark, null, null, null, v.SentOn, v.ChangedOn);
        }

        return new ReleasedViews(v.Author == ViewsAuthor.Child ? "Child" : "Parent or carer", r.Text(v.AuthorName)!, r.Text(v.Relationship),
            r.Text(v.GoingWell), r.Text(v.NotGoingWell), r.Text(v.WantToChange), r.Text(v.WhoIWantThere), r.Text(v.WhereAndWhen),
            v.TalkToIroAlone, v.WantAdvocate, v.WillAttend, v.SentOn, v.ChangedOn);
    }
}

/// <summary>A DfE or Care Review code with what it means: <c>{ "code": "C2", "meaning": "Full care order" }</c>.</summary>
public sealed record Coded(string Code, string Meaning)
{
    public static Coded Of(string code, string meaning) => new(code, meaning);
}

public sealed record ReleasedChild(
    string LocalId, string GivenName, string FamilyName, DateOnly DateOfBirth, Coded Sex, Coded? Ethnicity, string? Upn,
    bool UnaccompaniedAsylumSeeking, DateOnly? UnaccompaniedAsylumSeekingCeasedOn, bool? HasDisability, bool? IsMother, DateOnly? MothersChildBornOn,
    string? Iro, string? SocialWorker, DateOnly? NextReviewDueOn);

public sealed record ReleasedAllocation(DateOnly? From, string? Iro, string? SocialWorker, string? WhyNotTheSiblingsIro);

public sealed record ReleasedEpisode(
    DateOnly StartedOn, DateOnly? EndedOn, Coded ReasonForNewEpisode, Coded LegalStatus, Coded CategoryOfNeed, Coded PlacementType,
    Coded? ReasonEnded, Coded? ReasonForPlacementChange, Coded? PlacementProvider, string? HomePostcode, string? PlacementPostcode, string? Urn);

public sealed record ReleasedCarePlan(
    int Number, DateOnly MadeOn, string MadeBy, string? Iro, IReadOnlyList<Coded> Permanence, string? ChangeNote, IReadOnlyList<ReleasedPlanSection> Sections);

public sealed record ReleasedPlanSection(string Section, DateOnly ChangedOn, string Text);

public sealed record ReleasedChildFriendlyPlan(string AgeBand, string Text, string WrittenBy, DateOnly WrittenOn, DateOnly? SharedOn, string? SharedBy);

public sealed record ReleasedReview(
    DateOnly DueOn, DateOnly? ArrangedFor, string? StartsAt, string? Venue, string? Invitees, string? WhyLaterThanDue,
    DateOnly? SocialWorkerConsultedOn, DateOnly? ReportsReceivedOn, DateOnly? ChildSeenAloneOn, string? WhyNotSeenAlone, DateOnly? ParentsViewsSoughtOn,
    DateOnly? AdjournedOn, string? WhyAdjourned, DateOnly? HeldOn, Coded? Participation, IReadOnlyList<string> HowTheChildTookPart,
    string? Attendees, string? WishesAndFeelings, string? ParentsViews, string? IroView, string? LetterToChild,
    DateOnly? DecisionsIssuedOn, DateOnly? RecordIssuedOn,
    IReadOnlyList<ReleasedConsideration> Considerations, IReadOnlyList<ReleasedRecommendation> Recommendations,
    IReadOnlyList<ReleasedViews> ViewsBeforeTheReview, ReleasedCard? RateMyReview);

public sealed record ReleasedConsideration(int Paragraph, string Consideration, string Answer);

public sealed record ReleasedRecommendation(
    string Action, string Owner, string OwnerRole, DateOnly MadeOn, DateOnly DueOn, string Monitoring, string Status, DateOnly? CompletedOn,
    IReadOnlyList<ReleasedUpdate> Updates);

public sealed record ReleasedUpdate(DateOnly On, string Kind, string By, string Note);

public sealed record ReleasedViews(
    string From, string Name, string? Relationship, string? GoingWell, string? NotGoingWell, string? WantToChange, string? WhoToBeThere,
    string? WhereAndWhen, bool? TalkToIroAlone, bool? WantAdvocate, bool? WillAttend, DateOnly SentOn, DateOnly? ChangedOn);

public sealed record ReleasedCard(string Rating, string? Comment, DateOnly GivenOn, DateOnly? FollowedUpOn, string? FollowUpNote, string? FollowedUpBy);

public sealed record ReleasedCareEvent(
    string Kind, DateOnly On, bool? ChildSeen, bool? SeenAlone, string? WhyNotSeenAlone, string? Note, string RecordedBy, DateOnly RecordedOn);

public sealed record ReleasedEscalation(
    DateOnly RaisedOn, string RaisedBy, string Category, string Concern, string Needed, DateOnly NeededBy, string? Outcome, DateOnly? ClosedOn,
    string? ClosedBy, string? ClosingNote, IReadOnlyList<ReleasedDiscussion> InformalDiscussions, IReadOnlyList<ReleasedStage> FormalStages);

public sealed record ReleasedDiscussion(DateOnly On, string With, string Conversation, string AgreedAction, string RecordedBy);

public sealed record ReleasedStage(
    int Number, string Level, string Respondent, DateOnly OpenedOn, DateOnly ResponseDueOn, string? Response, DateOnly? RespondedOn,
    string? Decision, string? DecisionNote, string? DecidedBy, DateOnly? DecidedOn);

public sealed record ReleasedCafcassReferral(
    DateOnly ReferredOn, string Grounds, string Reasons, string ReferredBy, string Outcome, DateOnly? OutcomeOn, string? OutcomeNote);

public sealed record ReleasedLink(string Name, string Relationship, string Purpose, DateOnly SentOn, string SentBy, DateOnly? UsedOn, DateOnly? CancelledOn);

/// <summary>What was removed, by kind, and how many: never what it was.</summary>
public sealed record ReleasedRedactions(string Mark, int Total, IReadOnlyList<ReleasedRedaction> Removed)
{
    public static readonly ReleasedRedactions Empty = new(Redactor.Mark, 0, []);

    public static ReleasedRedactions From(Redactor redactor) =>
        new(Redactor.Mark, redactor.Total,
            [.. Enum.GetValues<RedactionKind>().Select(k => new ReleasedRedaction(k.Code(), k.Describe(), redactor.Counts[k]))]);
}

public sealed record ReleasedRedaction(string Code, string What, int Count);
