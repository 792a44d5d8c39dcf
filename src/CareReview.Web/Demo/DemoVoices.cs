namespace CareReview.Web.Demo;

/// <summary>
/// The demo council's children's voices: how each child took part in their reviews, their Rate My Review
/// cards (returned more often by older children, a few "Not happy", some followed up), children's and
/// parents' views sent before reviews that are arranged, and the child behind the demo-child sign-in.
/// Uses its own random numbers, so adding it changed none of the rest of the demo data.
/// </summary>
public sealed class DemoVoices(int seed, DateOnly today, IReadOnlyList<Child> children, int demoIroId, int demoSocialWorkerId)
{
    private readonly Random _random = new(unchecked((seed * 17) + 3));

    private static readonly string[] s_goodComments =
        ["I liked that I could say what I wanted.", "It was short and everyone listened.", "My IRO explained everything.", "I liked having it at home."];

    private static readonly string[] s_okComments =
        ["It was a bit long.", "There were too many people there.", "It was OK but I did not understand everything.", "It was in school time."];

    private static readonly string[] s_unhappyComments =
        ["Nobody asked me what I wanted.", "I still do not know when I can see my brother.", "They talked about me like I was not there.", "I did not know it was happening."];

    private static readonly (string GoingWell, string NotGoingWell, string WantToChange, string WhoThere)[] s_childViews =
    [
        ("I like my school and my carers.", "I do not see my nan enough.", "I want to see my nan every week.", "My carer and my social worker"),
        ("Football on Saturdays.", "Maths is hard.", "I want help with maths.", "Just my carer"),
        ("I have made friends at my new school.", "The taxi is late a lot.", "I would like to walk to school with my friends.", "My carer, my teacher"),
        ("Living here is good.", "Contact with Dad keeps being cancelled.", "I want to know when I will see Dad.", "Not my dad's partner"),
    ];

    private static readonly (string Name, string Relationship, string GoingWell, string NotGoingWell, string WantToChange)[] s_parentViews =
    [
        ("Kerry Walsh", "Mum", "The contact centre staff are kind.", "Contact is too short.", "I would like contact to be longer and at the weekend."),
        ("Dean Parry", "Dad", "Things seem more settled at home.", "I am not told about school.", "I want copies of school reports."),
        ("Pat Hughes", "Foster carer", "Settled routine and sleeping well.", "Waiting for the CAMHS appointment.", "A date for the CAMHS assessment."),
    ];

    public List<ReviewFeedback> Cards { get; } = [];
    public List<ReviewViews> ChildViews { get; } = [];
    public List<ParentInvitation> Invitations { get; } = [];
    public Child? DemoChild { get; private set; }

    private readonly List<(ParentInvitation Invitation, Review Review, int Template)> _parentViewsToWrite = [];

    /// <summary>Means, cards, children's views and used parent links. Save them, then call <see cref="ParentViews"/>.</summary>
    public void Generate()
    {
        DemoChild = ChooseDemoChild();
        foreach (var child in children)
        {
            foreach (var review in child.Reviews.Where(r => r.IsHeld))
            {
                review.RecordParticipationMeans(MeansFor(review));
                if (child != DemoChild || review != LatestHeld(child))
                {
                    AddCard(child, review);
                }
            }

            if (child.OpenReview is { } open && child != DemoChild)
            {
                AddViewsBefore(child, open);
            }
        }

        LeaveANotHappyCardForTheDemoIro();
    }

    /// <summary>
    /// The demo IRO's work list always has a "Not happy" card to follow up: when none of theirs is waiting, the
    /// latest card one of their children gave says "Not happy", and has not been followed up yet.
    /// </summary>
    private void LeaveANotHappyCardForTheDemoIro()
    {
        var theirs = children.Where(c => c.IroId == demoIroId).ToDictionary(c => c.Id);
        if (Cards.Any(c => c.NeedsFollowUp && theirs.ContainsKey(c.ChildId))
            || Cards.Where(c => theirs.ContainsKey(c.ChildId)).OrderByDescending(c => c.GivenOn).ThenBy(c => c.ReviewId).FirstOrDefault() is not { } latest)
        {
            return;
        }

        var review = theirs[latest.ChildId].Reviews.Single(r => r.Id == latest.ReviewId);
        Cards[Cards.IndexOf(latest)] = ReviewFeedback.Give(review, ReviewRating.NotHappy, s_unhappyComments[_random.Next(s_unhappyComments.Length)], latest.GivenOn);
    }

    /// <summary>The parents' views, which name the saved links.</summary>
    public IEnumerable<ReviewViews> ParentViews() =>
        _parentViewsToWrite.Select(p =>
        {
            var template = s_parentViews[p.Template];
            var sentOn = DateOnly.FromDateTime(p.Invitation.UsedAt!.Value.UtcDateTime);
            return ReviewViews.FromParent(p.Review, p.Invitation.Id, p.Invitation.Name, p.Invitation.Relationship,
                new ViewsDraft(template.GoingWell, template.NotGoingWell, template.WantToChange, WillAttend: _random.NextDouble() < 0.7), sentOn);
        });

    /// <summary>
    /// A child of the demo IRO (and, where there is one, the demo social worker) aged 10 to 15, with a
    /// review arranged and a held review whose decisions have gone out: one the demo can rate, and one
    /// to send views for. The demo leaves both undone.
    /// </summary>
    private Child? ChooseDemoChild()
    {
        var candidates = children
            .Where(c => c.IroId == demoIroId && CouldBeDemoChild(c, today))
            .OrderByDescending(c => c.SocialWorkerId == demoSocialWorkerId)
            .ThenBy(c => c.LocalId, StringComparer.Ordinal)
            .ToList();
        return candidates.FirstOrDefault();
    }

    /// <summary>A looked-after child aged 10 to 15 with a review arranged, and a held review to rate whose decisions went out with a letter.</summary>
    public static bool CouldBeDemoChild(Child child, DateOnly today) => child.OpenReview is not null && HasLetterToRate(child, today);

    /// <summary>A looked-after child aged 10 to 15 whose latest review's decisions went out with a letter to them.</summary>
    public static bool HasLetterToRate(Child child, DateOnly today) =>
        child.IsLookedAfter && child.AgeOn(today) is >= 10 and <= 15 && LatestHeld(child) is { DecisionsIssuedOn: not null, LetterToChild: not null };

    private static Review? LatestHeld(Child child) => child.Reviews.Where(r => r.IsHeld).MaxBy(r => r.HeldOn);

    private ParticipationMeans MeansFor(Review review)
    {
        var means = review.ParticipationCode switch
        {
            ParticipationCode.PN1 or ParticipationCode.PN3 or ParticipationCode.PN4 => ParticipationMeans.Attended,
            ParticipationCode.PN2 => ParticipationMeans.Attended | ParticipationMeans.Advocate,
            ParticipationCode.PN5 => ParticipationMeans.Advocate,
            ParticipationCode.PN6 => _random.Next(3) switch { 0 => ParticipationMeans.Wrote, 1 => ParticipationMeans.Phone, _ => ParticipationMeans.App },
            _ => ParticipationMeans.None,
        };
        if (review.ChildSeenAloneOn is not null)
        {
            means |= ParticipationMeans.IroVisit;
        }

        if (means.HasFlag(ParticipationMeans.Attended) && _random.NextDouble() < 0.2)
        {
            means |= ParticipationMeans.Wrote;
        }

        return means;
    }

    /// <summary>Older children return more cards; cards come back within a fortnight of the review.</summary>
    private void AddCard(Child child, Review review)
    {
        var heldOn = review.HeldOn!.Value;
        var age = child.AgeOn(heldOn);
        var returnRate = age switch { < 5 => 0.0, <= 9 => 0.35, <= 12 => 0.5, <= 15 => 0.6, _ => 0.65 };
        if (_random.NextDouble() >= returnRate)
        {
            return;
        }

        var givenOn = heldOn.AddDays(_random.Next(1, 15));
        if (givenOn > today)
        {
            return;
        }

        var roll = _random.NextDouble();
        var (rating, comments) = roll < 0.6 ? (ReviewRating.Good, s_goodComments) : roll < 0.88 ? (ReviewRating.Ok, s_okComments) : (ReviewRating.NotHappy, s_unhappyComments);
        var card = ReviewFeedback.Give(review, rating, _random.NextDouble() < 0.6 ? comments[_random.Next(comments.Length)] : null, givenOn);
        var followUpOn = givenOn.AddDays(_random.Next(1, 8));
        // Only the latest few "Not happy" cards still wait on the IRO; older ones were followed up.
        if (rating == ReviewRating.NotHappy && followUpOn <= today && (givenOn < today.AddDays(-30) || _random.NextDouble() < 0.4))
        {
            card.RecordFollowUp(followUpOn, $"Visited {child.GivenName} to talk about the review; agreed {child.GivenName} will choose the venue and who comes next time.",
                child.Iro?.Name ?? "IRO", today);
        }

        Cards.Add(card);
    }

    private void AddViewsBefore(Child child, Review review)
    {
        var sentOn = today.AddDays(-_random.Next(0, 10));
        if (child.AgeOn(today) >= 8 && _random.NextDouble() < 0.45)
        {
            var (goingWell, notGoingWell, wantToChange, whoThere) = s_childViews[_random.Next(s_childViews.Length)];
            ChildViews.Add(ReviewViews.FromChild(review, child.GivenName,
                new ViewsDraft(goingWell, notGoingWell, wantToChange, whoThere, "After school", _random.NextDouble() < 0.5, _random.NextDouble() < 0.3), sentOn));
        }

        if (_random.NextDouble() < 0.3)
        {
            var template = _random.Next(s_parentViews.Length);
            var sentAt = new DateTimeOffset(sentOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var (invitation, token) = ParentInvitation.Create(child.Id, review.Id, InvitationPurpose.Views, s_parentViews[template].Name,
                s_parentViews[template].Relationship, child.Iro?.Name ?? "IRO", sentAt.AddDays(-3), ParentInvitation.DefaultLifetime);
            invitation.Use(token, sentAt);
            Invitations.Add(invitation);
            _parentViewsToWrite.Add((invitation, review, template));
        }
    }
}
