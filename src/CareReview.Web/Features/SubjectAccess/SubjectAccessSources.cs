using System.Security.Claims;

namespace CareReview.Web.Features.SubjectAccess;

/// <summary>One thing in the record about someone else that the manager may remove (ADR-0027).</summary>
/// <param name="Key">What the form posts when it is ticked.</param>
/// <param name="Hint">Where it is in the record, or what removing it removes.</param>
/// <param name="Chosen">Whether it is ticked before the manager decides: other people's details are, staff names are not.</param>
public sealed record ThirdPartyItem(string Key, RedactionKind Kind, string Label, string Hint, bool Chosen);

/// <summary>A piece of free text in the record, with where it is, for the manager to read for names.</summary>
public sealed record FreeText(string Where, string Text);

/// <summary>
/// Everything Care Review holds about one child, for a subject access release: the child's own record (loaded
/// whole by the page) and the rows kept beside it (escalations, Cafcass referrals, views before reviews, Rate My
/// Review cards, parents' links, brothers and sisters in care), with the names of the staff who wrote them.
/// </summary>
public sealed class SubjectAccessSources
{
    public const string StaffKey = "staff";
    public const string PostcodesKey = "postcodes";
    public const string PlanParentsKey = "plan-parents";
    public const string PersonPrefix = "person:";

    public required Child Child { get; init; }
    public required IReadOnlyList<Escalation> Escalations { get; init; }
    public required IReadOnlyList<CafcassReferral> CafcassReferrals { get; init; }
    public required IReadOnlyList<ReviewViews> Views { get; init; }
    public required IReadOnlyList<ReviewFeedback> Feedback { get; init; }
    public required IReadOnlyList<ParentInvitation> Invitations { get; init; }

    /// <summary>The full names of the child's brothers and sisters in care.</summary>
    public required IReadOnlyList<string> Siblings { get; init; }

    /// <summary>The names of every member of staff on the council's records, so that a name written in a field anyone can fill is known as staff.</summary>
    public required IReadOnlySet<string> StaffTable { get; init; }

    /// <summary><paramref name="child"/> must be loaded whole (<see cref="ChildParts.Whole"/>).</summary>
    public static async Task<SubjectAccessSources> LoadAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider time, Child child)
    {
        var siblings = child.SiblingGroupId is { } group
            ? await db.ChildrenVisibleTo(user, time).Where(c => c.SiblingGroupId == group && c.Id != child.Id)
                .OrderBy(c => c.GivenName).ThenBy(c => c.Id).Select(c => c.GivenName + " " + c.FamilyName).ToListAsync()
            : [];
        return new SubjectAccessSources
        {
            Child = child,
            Escalations = await db.Escalations.AsNoTracking().Include(e => e.Discussions).Include(e => e.Stages)
                .Where(e => e.ChildId == child.Id).OrderBy(e => e.RaisedOn).ThenBy(e => e.Id).AsSplitQuery().ToListAsync(),
            CafcassReferrals = await db.CafcassReferrals.AsNoTracking().Where(r => r.ChildId == child.Id)
                .OrderBy(r => r.ReferredOn).ThenBy(r => r.Id).ToListAsync(),
            Views = await db.ReviewViews.AsNoTracking().Where(v => v.ChildId == child.Id).OrderBy(v => v.SentOn).ThenBy(v => v.Id).ToListAsync(),
            Feedback = await db.ReviewFeedback.AsNoTracking().Where(f => f.ChildId == child.Id).ToListAsync(),
            // SQLite cannot order by an instant with its offset, so the few links are put in order here.
            Invitations = [.. (await db.ParentInvitations.AsNoTracking().Where(i => i.ChildId == child.Id).ToListAsync()).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)],
            Siblings = siblings,
            StaffTable = (await db.StaffMembers.AsNoTracking().Select(s => s.Name).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The reviews in the order they were due.</summary>
    public IEnumerable<Review> Reviews => Child.Reviews.OrderBy(r => r.DueOn).ThenBy(r => r.Id);

    /// <summary>The child's IROs and social workers, now and before: the child knows them, and they are never removed.</summary>
    public IReadOnlySet<string> ChildsOwnStaff =>
        Child.Allocations.SelectMany(a => new[] { a.IroName, a.SocialWorkerName })
            .Append(Child.Iro?.Name).Append(Child.SocialWorker?.Name)
            .OfType<string>().Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The staff named in the record other than the child's own IROs and social workers: whoever wrote a plan,
    /// recorded a visit or an update, answered or decided an escalation, or owns a recommendation as staff.
    /// </summary>
    public IReadOnlyList<string> OtherStaff
    {
        get
        {
            var own = ChildsOwnStaff;
            var reviews = Child.Reviews;
            var written = Child.CarePlans.SelectMany(v => new[] { v.MadeBy, v.IroName })
                .Concat(Child.ChildFriendlyPlans.SelectMany(p => new[] { p.WrittenBy, p.SharedBy }))
                .Concat(Child.CareEvents.Select(e => e.RecordedBy))
                .Concat(reviews.SelectMany(r => r.Recommendations).SelectMany(r => r.Updates).Select(u => u.By))
                .Concat(reviews.SelectMany(r => r.Recommendations).Where(r => r.OwnerStaffId is not null || StaffTable.Contains(r.OwnerName)).Select(r => r.OwnerName))
                .Concat(Escalations.SelectMany(e => e.Stages.SelectMany(s => new[] { s.RespondentName, s.DecidedBy })
                    .Concat(e.Discussions.Select(d => d.RecordedBy)).Append(e.RaisedBy).Append(e.ClosedBy)))
                .Concat(CafcassReferrals.Select(r => r.ReferredBy))
                .Concat(Feedback.Select(f => f.FollowedUpBy))
                .Concat(Invitations.Select(i => i.CreatedBy));
            return Distinct(written.Where(n => n is not null && !own.Contains(n) && !IsTheChild(n)));
        }
    }

    /// <summary>
    /// The people other than staff named in the record, each with where: parents and carers who sent views or were
    /// sent a link, brothers and sisters in care, people responsible for a recommendation who are not staff, and
    /// whoever an informal discussion was with.
    /// </summary>
    public IReadOnlyList<(string Name, string Where)> OtherPeople
    {
        get
        {
            var named = Views.Where(v => v.Author == ViewsAuthor.ParentOrCarer).Select(v => (v.AuthorName, "sent views before a review"))
                .Concat(Invitations.Select(i => (i.Name, "was sent a link to give views or read decisions")))
                .Concat(Siblings.Select(s => (s, "brother or sister in care")))
                .Concat(Child.Reviews.SelectMany(r => r.Recommendations).Where(r => r.OwnerStaffId is null && !StaffTable.Contains(r.OwnerName))
                    .Select(r => (r.OwnerName, "responsible for a recommendation")))
                .Concat(Escalations.SelectMany(e => e.Discussions).Select(d => (d.With, "in an informal discussion about a concern")));
            var own = ChildsOwnStaff;
            return [.. named.Select(n => (Name: n.Item1.Trim(), Where: n.Item2))
                .Where(n => n.Name.Length > 0 && !own.Contains(n.Name) && !StaffTable.Contains(n.Name) && !IsTheChild(n.Name))
                .GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => (g.First().Name, string.Join("; ", g.Select(n => n.Where).Distinct())))];
        }
    }

    /// <summary>What the manager may choose to remove, in the order the page lists it.</summary>
    public IReadOnlyList<ThirdPartyItem> ThirdParties()
    {
        var items = OtherPeople
            .Select(p => new ThirdPartyItem(PersonPrefix + p.Name, RedactionKind.NamesOfOtherPeople, p.Name, $"Named as: {p.Where}", true))
            .ToList();
        items.AddRange(Views.Where(v => v.Author == ViewsAuthor.ParentOrCarer).Select(v => new ThirdPartyItem(
            $"views:{v.Id}", RedactionKind.ViewsOfParentsAndCarers,
            $"Views sent by {v.AuthorName}{(v.Relationship is { } r ? $" ({r})" : "")} on {GovukDate.Format(v.SentOn)}",
            "Everything they wrote before the review", true)));
        items.AddRange(Reviews.Where(r => !string.IsNullOrWhiteSpace(r.ParentsViews)).Select(r => new ThirdPartyItem(
            $"parents-views:{r.Id}", RedactionKind.ParentsViewsAtReviews,
            $"Parents' and carers' views recorded at the review {(r.HeldOn is { } held ? $"held on {GovukDate.Format(held)}" : $"due by {GovukDate.Format(r.DueOn)}")}",
            "What the IRO wrote down of what they said", true)));

        var planVersions = Child.CarePlans.Count(v => !string.IsNullOrWhiteSpace(v.Text(CarePlanSection.ParentsWishesAndFeelings)));
        if (planVersions > 0)
        {
            items.Add(new ThirdPartyItem(PlanParentsKey, RedactionKind.ParentsWishesInCarePlans,
                "Parents' wishes and feelings in the care plan", $"The section in {Count(planVersions, "version")} of the plan", true));
        }

        var postcodes = Child.Episodes.Sum(e => (string.IsNullOrWhiteSpace(e.HomePostcode) ? 0 : 1) + (string.IsNullOrWhiteSpace(e.PlacementPostcode) ? 0 : 1));
        if (postcodes > 0)
        {
            items.Add(new ThirdPartyItem(PostcodesKey, RedactionKind.Postcodes, "Postcodes of the family home and placements",
                $"{Count(postcodes, "postcode")} on the care episodes: where parents and carers live", true));
        }

        var staff = OtherStaff;
        if (staff.Count > 0)
        {
            items.Add(new ThirdPartyItem(StaffKey, RedactionKind.NamesOfOtherStaff,
                $"Names of staff other than {Child.GivenName}'s IROs and social workers",
                $"{string.Join(", ", staff)}. Staff acting in their job are usually named in a release; remove them if the council's policy says so",
                false));
        }

        return items;
    }

    /// <summary>
    /// Every piece of free text that goes into the release, for the manager to read for names before choosing, even
    /// what a ticked item would remove whole: the manager may keep it, and a name in it is removed only if typed.
    /// </summary>
    public IReadOnlyList<FreeText> FreeTexts()
    {
        var texts = new List<FreeText>();
        void Add(string where, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                texts.Add(new FreeText(where, text));
            }
        }

        foreach (var a in Child.Allocations.OrderBy(a => a.From).ThenBy(a => a.Id))
        {
            Add($"IRO allocated from {GovukDate.Format(a.From, "an unknown date")}: why not the same IRO as brothers and sisters", a.SiblingIroReason);
        }

        foreach (var review in Reviews)
        {
            var at = $"Review {(review.HeldOn is { } held ? $"held on {GovukDate.Format(held)}" : $"due by {GovukDate.Format(review.DueOn)}")}";
            Add($"{at}: where", review.Venue);
            Add($"{at}: who was invited", review.Invitees);
            Add($"{at}: who attended", review.Attendees);
            Add($"{at}: wishes and feelings", review.ChildWishesAndFeelings);
            Add($"{at}: parents' and carers' views", review.ParentsViews);
            Add($"{at}: the IRO's view", review.IroView);
            Add($"{at}: letter to {Child.GivenName}", review.LetterToChild);
            Add($"{at}: why not seen alone", review.ChildNotSeenAloneReason);
            Add($"{at}: why adjourned", review.AdjournmentReason);
            Add($"{at}: why later than due", review.LatenessReason);
            foreach (var c in review.Considerations.OrderBy(c => c.Paragraph))
            {
                Add($"{at}: {Schedule7.Considerations[c.Paragraph - 1].Text}", c.Answer);
            }

            foreach (var r in review.Recommendations)
            {
                Add($"{at}: recommendation", r.Action);
                Add($"{at}: role of who is responsible", r.OwnerRole);
                Add($"{at}: how it is monitored", r.Monitoring);
                foreach (var u in r.Updates)
                {
                    Add($"{at}: update on {GovukDate.Format(u.On)}", u.Note);
                }
            }
        }

        foreach (var v in Views)
        {
            var from = $"{(v.Author == ViewsAuthor.Child ? $"{Child.GivenName}'s views" : $"Views of {v.AuthorName}")} sent on {GovukDate.Format(v.SentOn)}";
            Add($"{from}: relationship", v.Relationship);
            Add($"{from}: going well", v.GoingWell);
            Add($"{from}: not going well", v.NotGoingWell);
            Add($"{from}: what to change", v.WantToChange);
            Add($"{from}: who to be there", v.WhoIWantThere);
            Add($"{from}: where and when", v.WhereAndWhen);
        }

        foreach (var f in Feedback)
        {
            Add($"Rate My Review card of {GovukDate.Format(f.GivenOn)}", f.Comment);
            Add($"Follow-up of the card of {GovukDate.Format(f.GivenOn)}", f.FollowUpNote);
        }

        foreach (var version in Child.CarePlans.OrderBy(v => v.Number))
        {
            Add($"Care plan version {version.Number}: note of the change", version.ChangeNote);
            foreach (var s in version.Sections.OrderBy(s => s.Section))
            {
                Add($"Care plan version {version.Number}: {s.Section.Describe()}", s.Text);
            }
        }

        foreach (var plan in Child.ChildFriendlyPlans.OrderBy(p => p.Id))
        {
            Add($"Plan written for {Child.GivenName} on {GovukDate.Format(plan.WrittenOn)}", plan.Text);
        }

        foreach (var e in Child.CareEvents.OrderBy(e => e.On))
        {
            Add($"{CareEvent.Describe(e.Kind)} on {GovukDate.Format(e.On)}", e.Note);
            Add($"{CareEvent.Describe(e.Kind)} on {GovukDate.Format(e.On)}: why not seen alone", e.NotSeenAloneReason);
        }

        foreach (var e in Escalations)
        {
            var at = $"Concern raised on {GovukDate.Format(e.RaisedOn)}";
            Add($"{at}: the concern", e.Concern);
            Add($"{at}: what is needed", e.Needed);
            Add($"{at}: closing note", e.ClosingNote);
            foreach (var d in e.Discussions.OrderBy(d => d.On).ThenBy(d => d.Id))
            {
                Add($"{at}: discussion on {GovukDate.Format(d.On)}", d.Conversation);
                Add($"{at}: action agreed on {GovukDate.Format(d.On)}", d.AgreedAction);
            }

            foreach (var s in e.Stages.OrderBy(s => s.Number))
            {
                Add($"{at}: stage {s.Number} response", s.Response);
                Add($"{at}: stage {s.Number} decision", s.DecisionNote);
            }
        }

        foreach (var r in CafcassReferrals)
        {
            Add($"Cafcass referral of {GovukDate.Format(r.ReferredOn)}: reasons", r.Reasons);
            Add($"Cafcass referral of {GovukDate.Format(r.ReferredOn)}: outcome", r.OutcomeNote);
        }

        foreach (var i in Invitations)
        {
            Add($"Link sent to {i.Name} on {GovukDate.Format(Clock.DayInEngland(i.CreatedAt))}: relationship", i.Relationship);
        }

        return texts;
    }

    /// <summary>Whether a typed name is the child's own, which a release to the child never removes.</summary>
    public bool IsTheChild(string? name) =>
        name is not null && (string.Equals(name.Trim(), Child.GivenName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name.Trim(), Child.FamilyName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name.Trim(), Child.FullName, StringComparison.OrdinalIgnoreCase));

    private static string Count(int count, string thing) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {thing}{(count == 1 ? "" : "s")}");

    private static IReadOnlyList<string> Distinct(IEnumerable<string?> names) =>
        [.. names.OfType<string>().Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
}
