using CareReview.Domain.Reports;

namespace CareReview.Web.Demo;

/// <summary>
/// A synthetic council, generated from a seed: the same seed and the same day always give the same
/// people, episodes, reviews, care plans, visits and assessments. Care histories are played forward
/// through the domain's own methods, so the data obeys the same rules as data typed in, and the review
/// clock and the stored deadlines are the real ones. Escalations and Cafcass referrals are added once the
/// children are saved (<see cref="AddEscalations"/>), so the children do not depend on them.
/// </summary>
public sealed class DemoCouncil
{
    public const int ChildCount = 320;

    public const string HeadOfService = "Head of service";
    public const string AssistantDirector = "Assistant director";
    public const string Director = "Director of children's services";

    private static readonly string[] s_girls =
    [
        "Amelia", "Ava", "Chloe", "Daisy", "Ella", "Evie", "Freya", "Grace", "Hannah", "Isla", "Jasmine", "Layla",
        "Leah", "Lily", "Maisie", "Maya", "Mia", "Nadia", "Olivia", "Poppy", "Rosie", "Ruby", "Sofia", "Zara",
        "Aisha", "Amira", "Bethany", "Courtney", "Demi", "Esme", "Holly", "Imani", "Kayla", "Megan", "Niamh", "Tia",
    ];

    private static readonly string[] s_boys =
    [
        "Adam", "Alfie", "Archie", "Ben", "Callum", "Charlie", "Dylan", "Ethan", "Finley", "George", "Harry", "Isaac",
        "Jack", "Jacob", "Jayden", "Kai", "Kian", "Leo", "Liam", "Logan", "Mason", "Max", "Noah", "Oliver", "Oscar",
        "Reece", "Riley", "Ryan", "Sam", "Theo", "Tyler", "Yusuf", "Zain", "Mohammed", "Kacper", "Tomasz",
    ];

    private static readonly string[] s_familyNames =
    [
        "Ahmed", "Atkinson", "Bailey", "Barnes", "Begum", "Bennett", "Brooks", "Carter", "Clarke", "Collins", "Cooper",
        "Davies", "Dawson", "Edwards", "Evans", "Fisher", "Foster", "Gray", "Green", "Hall", "Harris", "Hughes", "Hussain",
        "Jackson", "James", "Johnson", "Kaur", "Kelly", "Khan", "King", "Kowalski", "Lee", "Lewis", "Marshall", "Mason",
        "Mitchell", "Moore", "Morgan", "Murphy", "Nowak", "Owen", "Palmer", "Parker", "Patel", "Phillips", "Price",
        "Reid", "Richards", "Roberts", "Robinson", "Russell", "Shaw", "Simpson", "Singh", "Smith", "Taylor", "Thomas",
        "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
    ];

    private static readonly string[] s_teamNames = ["Riverside", "Hillcrest", "Northgate", "Eastfield"];

    private static readonly (string Action, string Role, string Monitoring)[] s_actions =
    [
        ("Arrange a personal education plan meeting with the designated teacher", "Social worker", "PEP minutes sent to the IRO"),
        ("Complete the review health assessment", "Looked-after children's nurse", "Health assessment report on the file"),
        ("Refer to the advocacy service so an advocate can help with the next review", "Social worker", "Advocate confirms the first visit"),
        ("Agree a written contact plan with mum and share it with the carers", "Social worker", "Contact plan on the file and sent to the IRO"),
        ("Start life-story work sessions", "Social worker", "Social worker updates the IRO after the third session"),
        ("Book a dental check-up", "Foster carer", "Carer tells the social worker the date it took place"),
        ("Update the care plan to show the permanence plan agreed at this review", "Social worker", "Updated care plan sent to the IRO"),
        ("Convene a permanence planning meeting", "Team manager", "Meeting notes sent to the IRO"),
        ("Arrange a visit with brothers and sisters placed elsewhere", "Social worker", "Visit recorded on the file"),
        ("Confirm the school transport arrangements for next term", "Virtual school head", "Email confirmation to the social worker"),
        ("Apply for a passport so the holiday abroad can go ahead", "Social worker", "Passport application reference sent to the IRO"),
        ("Meet the child alone before the next review", "IRO", "Date recorded on the review preparation checklist"),
    ];

    private static readonly (string Action, string Role, string Monitoring)[] s_olderActions =
    [
        ("Start the pathway plan needs assessment", "Social worker", "Needs assessment on the file"),
        ("Talk through Staying Put with the young person and the carers", "Social worker", "Views recorded for the next review"),
        ("Open a bank account and arrange a weekly allowance", "Personal adviser", "Confirmed at the next review"),
    ];

    private static readonly string[] s_wishes =
    [
        "Happy where they live and wants to stay. Would like more time with friends after school.",
        "Misses mum and wants to see her more often. Likes the new school.",
        "Does not want to change school. Wants to choose their own clothes.",
        "Wants to learn to cook and to get a Saturday job.",
        "Unhappy about contact being cancelled twice; wants to know why.",
    ];

    private static readonly string[] s_iroViews =
    [
        "The plan is meeting the child's needs. Contact needs to be more reliable.",
        "Good progress since the last review. The permanence plan should be confirmed without delay.",
        "The placement is stable. Health and education plans are up to date.",
        "Some drift since the last review; the actions below must be completed before the next one.",
    ];

    private static readonly string[] s_doneNotes =
    [
        "Done; notes are on the file.", "Completed and shared with the IRO.", "Meeting held; minutes sent.", "Done and confirmed with the carers.",
    ];

    private static readonly string[] s_progressNotes =
    [
        "Date booked; waiting for the school to confirm.", "First session held; two more planned.", "Referral sent; awaiting a reply.",
    ];

    private static readonly string[] s_venues = ["Foster home", "School, after lessons", "Children's home", "Council offices, room 2", "Video call"];

    // Care plan wording. {name}, {they}, {them}, {their} and {themself} are the child's; {year}, {primary},
    // {secondary} and {college} their school. Every pool has at least two entries, so a section can
    // always be reworded when a new version must change it.
    private static readonly string[] s_primarySchools =
        ["Brookside Primary School", "St Mary's CE Primary School", "Oakfield Primary School", "Hillview Primary School", "Meadow Lane Primary School"];

    private static readonly string[] s_secondarySchools =
        ["Northgate Academy", "Riverside High School", "St Anne's Catholic High School", "Eastfield Academy", "Kingsway School"];

    private static readonly string[] s_colleges = ["the town's further education college", "Riverside Sixth Form College", "the land-based college"];

    private static readonly string[] s_homes = ["Willow House", "Beech Lodge", "Oak Tree House", "The Cedars"];

    private static readonly CarePlanSection[] s_sections = Enum.GetValues<CarePlanSection>();

    /// <summary>Sections some social workers leave empty, so the plan page shows its "empty section" hint.</summary>
    private static readonly CarePlanSection[] s_oftenLeftEmpty =
    [
        CarePlanSection.Identity, CarePlanSection.SocialPresentation, CarePlanSection.SelfCareSkills,
        CarePlanSection.ParentsWishesAndFeelings, CarePlanSection.EmotionalAndBehaviouralDevelopment,
    ];

    private static readonly string[] s_healthBaby =
    [
        "Seen by the health visitor every month; feeding and weight gain are good. Immunisations are up to date.",
        "Born early and seen at the baby clinic every three months. Immunisations are up to date and the carers keep the red book.",
        "Registered with a GP near where {name} lives. Eczema is managed with cream from the GP; the 12-month check is booked.",
    ];

    private static readonly string[] s_healthEarly =
    [
        "Immunisations are up to date. The two-year check found some speech delay; speech and language therapy starts next month.",
        "Healthy and growing well. Registered with a GP and a dentist near where {name} lives.",
        "Eczema and a cow's milk allergy, managed with the GP's plan; the nursery has a copy.",
    ];

    private static readonly string[] s_healthPrimary =
    [
        "Healthy and active. Uses an inhaler for mild asthma; the school has a care plan for it.",
        "An eye test found {name} needs glasses, which are now worn in class. Dentist every six months.",
        "Review health assessment with the looked-after children's nurse found no concerns. Immunisations are up to date.",
        "Bedwetting has improved with the school nurse's advice; the enuresis clinic will review in the spring.",
    ];

    private static readonly string[] s_healthSecondary =
    [
        "Sees CAMHS every two weeks for anxiety and says the sessions help.",
        "Healthy. Talked to the nurse about sleep and screen time at the review health assessment.",
        "The school nurse has given advice on healthy relationships and sexual health, as {name} asked.",
        "Migraines are less frequent since new glasses; the GP will review in three months.",
    ];

    private static readonly string[] s_healthOlder =
    [
        "Registered with the GP in {their} own name and books {their} own appointments.",
        "Sees the young people's drug and alcohol service weekly and has cut down on cannabis.",
        "Has a copy of {their} health history, as the leaving-care guidance advises. Dentist every six months.",
    ];

    private static readonly string[] s_educationBaby =
    [
        "Not of school age yet. Goes to a baby group with the carer each week.",
        "Not of school age yet. The carers read and play with {name} every day; the health visitor is happy with development.",
    ];

    private static readonly string[] s_educationEarly =
    [
        "Goes to nursery for 15 hours a week with early years funding. The early years PEP sets goals for talking and playing with others.",
        "Nursery class at {primary}, five mornings a week. The early years PEP focuses on speech and sharing.",
    ];

    private static readonly string[] s_educationReception =
    [
        "Reception class at {primary}. Settling well; the PEP focuses on phonics and making friends.",
        "Reception class at {primary}. Needs help with concentration; the PEP pays for a teaching assistant's extra time.",
    ];

    private static readonly string[] s_educationPrimary =
    [
        "Year {year} at {primary}. Attendance is 96%. Reading is behind; pupil premium plus pays for one-to-one reading three times a week.",
        "Year {year} at {primary}. Doing well in maths and enjoys art club. Attendance is 98%.",
        "Year {year} at {primary}. Has an education, health and care plan for speech and language needs; the annual review is next term.",
    ];

    private static readonly string[] s_educationSecondary =
    [
        "Year {year} at {secondary}. Attendance is 88% and improving; a learning mentor meets {name} every week.",
        "Year {year} at {secondary}. Expected to pass English and maths at GCSE; wants to study art.",
        "Year {year} at {secondary}. Two suspensions this year; a reduced timetable ends at half term.",
    ];

    private static readonly string[] s_educationOlder =
    [
        "Studying a level 2 course in motor vehicle maintenance at {college}. Attends well.",
        "Sixth form at {secondary}: A levels in biology, psychology and English.",
        "Not in education, employment or training at the moment; the personal adviser is helping {name} apply for an apprenticeship.",
    ];

    private static readonly string[] s_emotionalBaby =
    [
        "Settled with the carers; feeds and sleeps well and is forming a close bond with them.",
        "Unsettled at night after contact; the carers keep a calm routine and this is improving.",
    ];

    private static readonly string[] s_emotionalEarly =
    [
        "Tantrums at bedtime have eased with a calm routine. The carers use strategies from the parenting support worker.",
        "Happy and curious; plays well with other children at nursery.",
    ];

    private static readonly string[] s_emotionalPrimary =
    [
        "Strengths and difficulties questionnaire (SDQ) score 14, borderline. Worries at night about mum; a bedtime routine and a nightlight help.",
        "SDQ score 8, normal. Confident at school and at home.",
        "Angry outbursts after contact; play therapy every week since the last review.",
    ];

    private static readonly string[] s_emotionalOlder =
    [
        "SDQ score 19, high. Sees a school counsellor weekly after two fights this term.",
        "SDQ score 12, normal. Has grown in confidence and joined the school football team.",
        "Self-harm in the spring; a safety plan is agreed with CAMHS and the carers, with no incidents since.",
        "Low mood at times; knows how to reach the out-of-hours service and has a trusted adult at school.",
    ];

    private static readonly string[] s_identityYoung =
    [
        "The carers keep a memory box and a diary of {name}'s milestones for life-story work later.",
        "The carers help {name} keep up the family's faith and festivals, as mum asked.",
        "Photos of {name}'s birth family are up in {their} bedroom, as the family asked.",
    ];

    private static readonly string[] s_identity =
    [
        "Life-story work has started with the social worker; {name} has a memory box with photos from home.",
        "The carers help {name} keep up the family's faith and festivals, as mum asked.",
        "{name} is proud of {their} family's heritage; the carers help {them} learn more about it.",
        "{name} knows why {they} cannot live at home, in words that fit {their} age. The life-story book will be finished this year.",
        "Bilingual at home; the carers help {name} keep up {their} first language with weekly lessons.",
    ];

    private static readonly string[] s_familyYoung =
    [
        "Has two older brothers placed together with other carers; the children meet every month.",
        "Maternal grandmother visits the foster home every fortnight and is a big part of {name}'s life.",
    ];

    private static readonly string[] s_familyOlder =
    [
        "Has a good group of friends and goes to Scouts on Thursdays.",
        "Close to {their} older sister, who lives with dad; they message most days.",
        "Sees {their} cousins at family gatherings the carers help to arrange.",
        "Plays for a local football team and has made friends there.",
    ];

    private static readonly string[] s_contactBaby =
    [
        "Supervised contact with mum three times a week at the family centre, 90 minutes each time.",
        "Supervised contact with mum and dad twice a week at the family centre; the carers bring {name}.",
    ];

    private static readonly string[] s_contactReturn =
    [
        "Contact with mum three times a week, building up from day visits to overnight stays at weekends.",
        "Unsupervised contact with mum every Saturday and phone calls on Wednesdays.",
    ];

    private static readonly string[] s_contactLongTerm =
    [
        "Supervised contact with mum once a month at the family centre; phone calls with dad every Sunday.",
        "Contact with brothers and sisters placed elsewhere every month; contact with mum every six weeks, supervised.",
        "{name} sees mum at weekends with the carers' agreement; the social worker checks it stays safe.",
    ];

    private static readonly string[] s_contactAdoption =
    [
        "Contact with mum and dad reduced to once a month, ending with a goodbye visit before the move to adopters. Letterbox contact twice a year after that.",
        "Monthly supervised contact with mum until the adoption placement; then letterbox contact once a year and a yearly meeting with {their} brother.",
    ];

    private static readonly string[] s_contactShortBreaks =
    [
        "Lives at home; no contact plan is needed. Short-break staff and parents talk at each handover.",
        "Lives at home with {their} parents; they phone the short-break home each evening {name} stays.",
    ];

    private static readonly string[] s_contactChanges =
    [
        "Contact with dad is suspended after he missed four sessions and arrived upset at the fifth. Contact with mum carries on every week, supervised.",
        "Overnight stays with mum start this month, every other weekend, as the parenting work has gone well.",
        "{name} asked to see {their} brothers every week instead of every month; the carers will drive {them} there.",
        "Contact with mum moves from the family centre to the community, supervised by a family support worker.",
    ];

    private static readonly string[] s_presentationYoung =
    [
        "Well cared for and dressed for the weather.",
        "Clean and well cared for; the carers keep clothes and nappies well stocked.",
    ];

    private static readonly string[] s_presentationPrimary =
    [
        "Well presented; chooses {their} own clothes with the carer.",
        "Polite with adults; can be shy with new people.",
    ];

    private static readonly string[] s_presentationSecondary =
    [
        "Takes pride in {their} appearance and manages a monthly clothing allowance.",
        "Quiet with adults at first, but chatty with friends.",
    ];

    private static readonly string[] s_presentationOlder =
    [
        "Presents well at college and at interviews.",
        "Confident with adults; practising for job interviews with the personal adviser.",
    ];

    private static readonly string[] s_selfCareBaby =
    [
        "All care is given by the carers.",
        "All care is given by the carers; {name} is starting to feed {themself} finger food.",
    ];

    private static readonly string[] s_selfCareEarly =
    [
        "Learning to dress and use the toilet; brushes teeth with help.",
        "Dry in the day; learning to put on {their} own coat and shoes.",
    ];

    private static readonly string[] s_selfCarePrimary =
    [
        "Washes and dresses without help; helps with simple cooking at weekends.",
        "Packs {their} own school bag and is learning to tie shoelaces.",
    ];

    private static readonly string[] s_selfCareSecondary =
    [
        "Manages {their} own hygiene; learning to travel alone by bus.",
        "Helps cook once a week and does {their} own washing.",
    ];

    private static readonly string[] s_selfCareOlder =
    [
        "Cooks three meals a week, budgets an allowance and has a bank account. Working through the independence skills checklist.",
        "Shops and cooks for {themself} at weekends; needs help with bills and letters.",
    ];

    private static readonly string[] s_placementFoster =
    [
        "Placed with foster carers {carers}. Delegated authority: the carers can agree haircuts, school trips and sleepovers with families they know. The social worker visits at least every six weeks.",
        "Placed with {carers}, approved foster carers, 12 miles away so that {name} can stay at the same school. Day-to-day decisions on school, health appointments and activities are delegated to the carers.",
    ];

    private static readonly string[] s_placementFosterYoung =
    [
        "Placed with foster carers {carers}, near the family centre so that contact is easy. The carers can agree routine health appointments and nursery trips.",
        "Placed with {carers}, approved foster carers. Delegated authority covers GP and health visitor appointments, immunisations and haircuts.",
    ];

    private static readonly string[] s_placementLongTermFoster =
    [
        "Long-term foster placement with {carers}, matched at the fostering panel. The carers have delegated authority for school, health and holidays in the UK.",
        "Long-term placement with {carers}, who have cared for {name} for over a year. Delegated authority covers school, health, haircuts and holidays; a passport application needs the social worker's consent.",
    ];

    private static readonly string[] s_placementLongTermFamily =
    [
        "Long-term placement with {relatives} as connected carers. Delegated authority is agreed for school, health and holidays.",
        "Lives with {relatives}, approved as long-term connected carers. A special guardianship support plan is being drafted.",
    ];

    private static readonly string[] s_placementFamily =
    [
        "Placed with {relatives} as connected carers while the full assessment is completed.",
        "Lives with {relatives}, temporarily approved as connected carers; the fostering assessment is due to finish within 16 weeks.",
    ];

    private static readonly string[] s_placementHome =
    [
        "Lives at {home}, a children's home with three other young people. Key worker: {worker}. The registered manager has delegated authority for day-to-day decisions.",
        "Lives at {home} children's home. Key worker: {worker}. Staff support {name} to get to school and to keep up with football training.",
    ];

    private static readonly string[] s_placementSupported =
    [
        "Lives in registered supported accommodation with staff on site; 10 hours of key-work support a week on budgeting, cooking and tenancy skills.",
        "Has a room in a supported lodgings scheme with {carers}; the provider helps with budgeting and getting to college.",
    ];

    private static readonly string[] s_placementParent =
    [
        "Lives at home with mum under the care order, under the rules for placement with parents. Mum has signed the written agreement; visits may be unannounced.",
        "Placed with dad, who has parental responsibility. The written agreement covers school attendance, health appointments and no contact with mum's former partner.",
    ];

    private static readonly string[] s_placementAdoption =
    [
        "Placed for adoption with {carers}. The adoption support plan is agreed; the social worker visits weekly for the first month, then every six weeks.",
        "Placed with the prospective adopters, {carers}. Introductions went well; the adoption support plan includes a life-story book.",
    ];

    private static readonly string[] s_placementFamilyCentre =
    [
        "Placed with mum at the family centre for a 12-week residential parenting assessment.",
        "Placed with mum in a mother and baby unit; staff support with feeding, routines and safe sleep.",
    ];

    private static readonly string[] s_placementSchool =
    [
        "Attends a residential special school in the week and spends weekends and holidays with foster carers {carers}.",
        "Boards at a residential school for children with autism during term time; holidays are with foster carers {carers}.",
    ];

    private static readonly string[] s_placementOther =
    [
        "Lives in a semi-independent flat with floating support three times a week.",
        "Lives in a shared house for young people with a support worker on call at night.",
    ];

    private static readonly string[] s_placementShortBreaks =
    [
        "Short breaks at {home} one weekend a month and a week in the summer holidays; parents bring {name} and collect {them}.",
        "Overnight short breaks at {home} twice a month. Staff follow the family's routines for meals, medication and bedtime.",
    ];

    private static readonly string[] s_placementAdditions =
    [
        "The carers asked for more support: a respite weekend every six weeks is now part of the plan.",
        "School transport changes to a taxi with an escort from next week.",
        "The carers may now agree overnight stays with {name}'s best friend's family without asking first.",
    ];

    private static readonly string[] s_wishesTooYoung =
    [
        "Too young to say. The carers say {name} is settled, smiles a lot and reaches for them when upset.",
        "Too young to say in words. {name} runs to the carers for comfort and is excited to see mum at contact.",
    ];

    private static readonly string[] s_wishesPrimary =
    [
        "I like it here because we have a dog. I want to see mum more and I want to stay at my school.",
        "I miss my brothers. I like my bedroom and my teacher.",
        "I want to go home to mummy but I like it here too.",
    ];

    private static readonly string[] s_wishesSecondary =
    [
        "I want to stay here until I'm 18. I want to see my brothers more and I don't want to move school.",
        "I'm fed up with meetings. I want to go home.",
        "I want to do my GCSEs at this school. I want more pocket money.",
        "I want to see my dad. I don't want to see my mum at the moment.",
    ];

    private static readonly string[] s_wishesOlder =
    [
        "I want my own flat near my friends when I'm 18, and I want to finish my course.",
        "I want to stay with my carers after 18 if I can.",
        "I want a job and to learn to drive.",
    ];

    private static readonly string[] s_wishesShortBreaks =
    [
        "I like going to the short-break house. I like the sensory room and the staff.",
        "I like staying over and going swimming with the staff.",
    ];

    private static readonly string[] s_parentsAdoption =
    [
        "Mum does not agree with the plan for adoption and has been told how to get independent advice. Dad has not been in touch.",
        "Both parents oppose adoption and are taking legal advice; they want {name} to know they love {them}.",
    ];

    private static readonly string[] s_parentsReturn =
    [
        "Mum wants {name} home and is working with the family support worker. Dad supports the plan.",
        "Mum agrees with the plan and the steps to get there; she has finished the parenting course.",
    ];

    private static readonly string[] s_parentsShortBreaks =
    [
        "Parents value the short breaks and want them to carry on at the same level.",
        "Parents would like one more night a month; the short-break panel will consider it.",
    ];

    private static readonly string[] s_parentsOther =
    [
        "Mum agrees {name} should stay with the carers and wants to keep seeing {them}.",
        "Dad wants more contact; mum did not take part this time. The social worker will write to her.",
        "Parents were invited but did not reply; the social worker will try again before the next review.",
    ];

    // Visits and assessments.
    private static readonly string[] s_visitNotes =
    [
        "Talked about school and the weekend. Saw {their} bedroom.",
        "Played a board game; {name} talked about contact with mum.",
        "Walked to the park; {name} is looking forward to the school trip.",
        "Carers report a settled month. Went through the placement plan with them.",
    ];

    private static readonly string[] s_notSeenNotes =
    [
        "{name} was not at home; the carer said {they} had gone to a friend's. Visit rearranged.",
        "{name} would not come out of {their} bedroom; saw the carer only. Rearranged for next week.",
        "Visit cut short: illness in the house. Saw the carer at the door; will come back.",
    ];

    private static readonly string[] s_notAloneReasons =
    [
        "{name} asked for the carer to stay.",
        "Seen with {their} sister, at {their} request.",
        "Visit at the contact centre; no private room was free.",
        "{name} was unwell and stayed with the carer; will be seen alone next visit.",
        "{name} did not want to talk alone today.",
    ];

    private static readonly string[] s_healthNotes =
    [
        "Review health assessment by the looked-after children's nurse.",
        "Review health assessment at the GP surgery; health plan updated.",
    ];

    private static readonly string[] s_dentalNotes = ["Check-up; no treatment needed.", "Check-up; one filling booked.", "Check-up and fluoride varnish."];

    private static readonly string[] s_pepNotes =
    [
        "PEP meeting with the designated teacher and the virtual school.",
        "PEP reviewed; targets for reading and attendance set.",
        "PEP meeting; pupil premium plus agreed for tutoring.",
    ];

    private readonly Random _random;

    /// <summary>
    /// Names the senior managers, who were added after the rest of the staff: drawing their names from
    /// <see cref="_random"/> would change every child generated after them.
    /// </summary>
    private readonly Random _seniorNames;
    private readonly Random _preparation;

    /// <summary>Ethnicity, UPN and placement details come from their own stream, so adding them left the rest of the demo unchanged.</summary>
    private readonly Random _returnDetails;

    private readonly DateOnly _today;
    private readonly Rulebook _rules;
    private int _nextLocalId = 100001;

    // The story being told for the child being built: what is still to be written in the plan, the
    // sections this child's social worker leaves empty, and the child's schools.
    private DateOnly? _planDueOn;
    private bool _periodHasPlan;
    private int _reviewVersionsLeft;
    private CarePlanSection[] _emptySections = [];
    private string _primary = "";
    private string _secondary = "";
    private string _college = "";

    // So that the demo shows each kind at least once, whatever the seed and the day (see DemoPromises).
    private StaffMember? _demoIro;
    private StaffMember? _demoSocialWorker;
    private int _demoIroChildren;
    private bool _demoIroHasPlanChange;
    private bool _demoIroHasReviewOverdue;
    private bool _demoIroHasReviewDueSoon;
    private bool _demoSocialWorkerHasVisitOverdue;
    private bool _demoChildCandidate;
    private bool _reviewHeldLateThisYear;
    private int _fewerVisitsAgreed;
    private int _parentAssessmentsIncomplete;

    public List<Team> Teams { get; } = [];
    public List<StaffMember> Staff { get; } = [];
    public List<Child> Children { get; } = [];
    public List<Escalation> Escalations { get; } = [];
    public List<CafcassReferral> CafcassReferrals { get; } = [];

    private DemoEscalations? _escalations;
    private readonly int _seed;

    private DemoCouncil(int seed, DateOnly today, Rulebook rules)
    {
        _seed = seed;
        _random = new Random(seed);
        _seniorNames = new Random(unchecked((seed * 31) + 7));
        _preparation = new Random(unchecked((seed * 13) + 5));
        _returnDetails = new Random(unchecked((seed * 17) + 3));
        _today = today;
        _rules = rules;
    }

    public static DemoCouncil Generate(int seed, DateOnly today, Rulebook rules)
    {
        var council = Staffed(seed, today, rules);
        council.AddChildren();
        return council;
    }

    /// <summary>
    /// The whole demo, saved stage by stage through <paramref name="save"/>: each later stage names the ids the
    /// stage before was given. The seeder saves to the database; a test can give the ids in memory, so both
    /// build the demo in the same order and the test sees what the seeder saves.
    /// </summary>
    public static async Task<DemoBuild> BuildAsync(int seed, DateOnly today, Rulebook rules, Func<IReadOnlyList<object>, Task> save)
    {
        var council = Staffed(seed, today, rules);

        // EF inserts the staff without a team first, so the senior managers are saved on their own after the
        // others: everyone else keeps the id they had before senior managers were added.
        await save([.. council.Teams, .. council.Staff.Where(s => s.Role != StaffRole.SeniorManager)]);
        await save([.. council.Staff.Where(s => s.Role == StaffRole.SeniorManager)]);
        council.AddChildren();
        await save(council.Children);

        // Escalations name the saved children, reviews and recommendations; two Cafcass referrals name saved escalations.
        council.AddEscalations();
        council.TagThemes();
        await save(council.Escalations);
        council.AddCafcassReferrals();
        await save(council.CafcassReferrals);

        // Cards and views name saved reviews; parents' views name their saved links.
        var voices = council.AddVoices();
        await save([.. voices.Cards, .. voices.ChildViews, .. voices.Invitations]);
        List<ReviewViews> parentViews = [.. voices.ParentViews()];
        await save(parentViews);

        // Last, so that linking brothers and sisters (and moving one to another IRO) changes nothing made before.
        var siblings = council.AddSiblings();
        await save([.. siblings.Groups, .. siblings.Conflicts]);
        return new DemoBuild(council, voices, parentViews, siblings);
    }

    /// <summary>
    /// The council's teams and staff only. Save them before <see cref="AddChildren"/> when the
    /// recommendations must name their owners' saved staff ids.
    /// </summary>
    public static DemoCouncil Staffed(int seed, DateOnly today, Rulebook rules)
    {
        var council = new DemoCouncil(seed, today, rules);
        council.AddStaff();
        return council;
    }

    /// <summary>The staff member behind each demo sign-in: the first of each role, and the head of service for the senior manager.</summary>
    public StaffMember? DemoStaffFor(string role) => role switch
    {
        Roles.Iro => Staff.First(s => s.Role == StaffRole.Iro),
        Roles.IroManager => Staff.First(s => s.Role == StaffRole.IroManager),
        Roles.SocialWorker => Staff.First(s => s.Role == StaffRole.SocialWorker),
        Roles.TeamManager => Staff.First(s => s.Role == StaffRole.TeamManager),
        Roles.SeniorManager => SeniorManager(HeadOfService),
        _ => null,
    };

    private StaffMember SeniorManager(string jobTitle) => Staff.First(s => s.Role == StaffRole.SeniorManager && s.JobTitle == jobTitle);

    private void AddStaff()
    {
        var usedNames = new HashSet<string>();
        string AdultName(Random? random = null)
        {
            random ??= _random;
            while (true)
            {
                var given = PickWith(random, random.Next(2) == 0 ? s_girls : s_boys);
                var name = $"{given} {PickWith(random, s_familyNames)}";
                if (usedNames.Add(name))
                {
                    return name;
                }
            }
        }

        foreach (var teamName in s_teamNames)
        {
            var team = new Team($"{teamName} children in care team");
            Teams.Add(team);
            Staff.Add(new StaffMember(AdultName(), StaffRole.TeamManager, 1m, team));
            for (var i = 0; i < 5; i++)
            {
                Staff.Add(new StaffMember(AdultName(), StaffRole.SocialWorker, i == 4 ? 0.6m : 1m, team));
            }
        }

        Staff.Add(new StaffMember(AdultName(), StaffRole.IroManager));
        decimal[] iroFte = [1m, 1m, 1m, 0.8m, 0.6m, 1m];
        foreach (var fte in iroFte)
        {
            Staff.Add(new StaffMember(AdultName(), StaffRole.Iro, fte));
        }

        // The senior managers answer formal escalations at stages 2, 3 and 4; they have no team or caseload.
        foreach (var jobTitle in new[] { HeadOfService, AssistantDirector, Director })
        {
            Staff.Add(new StaffMember(AdultName(_seniorNames), StaffRole.SeniorManager, jobTitle: jobTitle));
        }
    }

    public void AddChildren()
    {
        var iros = Staff.Where(s => s.Role == StaffRole.Iro).ToList();
        var socialWorkers = Staff.Where(s => s.Role == StaffRole.SocialWorker).ToList();
        _demoIro = DemoStaffFor(Roles.Iro);
        _demoSocialWorker = DemoStaffFor(Roles.SocialWorker);

        // Weight allocation by FTE, with the first IRO a little fuller than the others so the caseload page has a story.
        var iroWeights = iros.Select((iro, i) => (double)iro.Fte * (i == 0 ? 1.25 : 1.0)).ToArray();
        var otherIros = iros.Where(iro => iro != _demoIro).ToList();
        var otherIroWeights = otherIros.Select(iro => (double)iro.Fte).ToArray();
        var swWeights = socialWorkers.Select(sw => (double)sw.Fte).ToArray();

        for (var i = 0; i < ChildCount; i++)
        {
            var child = NewChild();
            var iro = Weighted(iros, iroWeights);
            var socialWorker = Weighted(socialWorkers, swWeights);

            // The demo IRO's caseload stays within the IRO Handbook's 50 to 70 whatever the day: once full, the
            // next child goes to another IRO; short of 50 near the end, the demo IRO takes every child until there
            // are enough (about nine in ten stay looked after, so twice the shortfall is plenty).
            if (iro == _demoIro && _demoIroChildren >= IroCaseload.FullTimeUpper)
            {
                iro = Weighted(otherIros, otherIroWeights);
            }
            else if (iro != _demoIro && 2 * (IroCaseload.FullTimeLower - _demoIroChildren) >= ChildCount - i)
            {
                iro = _demoIro!;
            }

            PlayCareHistory(child, iro, socialWorker);
            if (!child.IsLookedAfter && _random.NextDouble() < 0.5)
            {
                // Some children who left care are kept on the IRO's record but are no longer allocated.
                child.Allocate(null, child.SocialWorker, _today, _rules, child.Episodes.Max(e => e.EndedOn));
            }

            DemoReturnDetails.Fill(child, _returnDetails, _today);
            child.RecalculateDeadlines(_today, _rules);
            var demoIros = child.IsLookedAfter && child.Iro == _demoIro;
            _demoIroChildren += demoIros ? 1 : 0;
            _demoIroHasPlanChange |= demoIros && child.PlanChangeAwaitingReviewOn is not null;
            _demoIroHasReviewOverdue |= demoIros && DemoPromises.IsReviewOverdue(child, _today);
            _demoIroHasReviewDueSoon |= demoIros && DemoPromises.IsReviewDueSoon(child, _today, _rules);
            _demoChildCandidate |= demoIros && DemoVoices.CouldBeDemoChild(child, _today);
            _demoSocialWorkerHasVisitOverdue |= child.SocialWorker == _demoSocialWorker && DemoPromises.SuitsCarePlanJourney(child, _today);
            Children.Add(child);
        }
    }

    /// <summary>
    /// Escalations on about thirty children over the last nine months, in every state and with every
    /// outcome (see <see cref="DemoEscalations"/>). They name the children, reviews, recommendations and
    /// staff by id, so save those first; save the escalations before <see cref="AddCafcassReferrals"/>.
    /// </summary>
    public void AddEscalations()
    {
        _escalations = new DemoEscalations(_random, _today, _rules, Children, Staff, DemoStaffFor(Roles.Iro)!, DemoStaffFor(Roles.TeamManager)!,
            SeniorManager(HeadOfService), SeniorManager(AssistantDirector), SeniorManager(Director));
        _escalations.Generate();
        Escalations.AddRange(_escalations.Escalations);
    }

    /// <summary>
    /// Links a few families of brothers and sisters and records one declared conflict of interest (see
    /// <see cref="DemoSiblings"/>), from their own <see cref="Random"/>. Call it last, once the children are saved.
    /// </summary>
    public DemoSiblings AddSiblings() =>
        DemoSiblings.Link(Children, Staff, DemoStaffFor(Roles.Iro)!, DemoStaffFor(Roles.IroManager)!, new Random(unchecked((_seed * 29) + 13)), _today, _rules);

    /// <summary>
    /// Tags about two in three recommendations and escalations with themes for the annual report (ADR-0014). It
    /// draws on its own <see cref="Random"/>, so tagging changes nothing else the demo makes. Call it after
    /// <see cref="AddEscalations"/>.
    /// </summary>
    public void TagThemes()
    {
        var random = new Random(unchecked((_seed * 23) + 11));
        foreach (var recommendation in Children.SelectMany(c => c.Recommendations).OrderBy(r => r.MadeOn).ThenBy(r => r.Action, StringComparer.Ordinal))
        {
            if (random.Next(3) > 0)
            {
                recommendation.Tag(RandomThemes(random));
            }
        }

        foreach (var escalation in Escalations)
        {
            if (random.Next(3) > 0)
            {
                var likely = escalation.Category switch
                {
                    ConcernCategory.DriftAndDelay or ConcernCategory.Decisions => CaseTheme.Delay,
                    ConcernCategory.NoExitPlan => CaseTheme.Permanence,
                    ConcernCategory.ChildParticipation => CaseTheme.Participation,
                    ConcernCategory.CarePlanImplementation => CaseTheme.PlacementStability,
                    _ => PickWith(random, CaseThemes.All),
                };
                escalation.Tag([likely, .. random.Next(3) == 0 ? RandomThemes(random) : []]);
            }
        }
    }

    // Mostly the issue's five themes, which is what the IRO service sees most often; now and then another.
    private static IReadOnlyList<CaseTheme> RandomThemes(Random random)
    {
        CaseTheme[] common = [CaseTheme.Contact, CaseTheme.PlacementStability, CaseTheme.Education, CaseTheme.Health, CaseTheme.Delay];
        var first = random.Next(4) > 0 ? PickWith(random, common) : PickWith(random, CaseThemes.All);
        return random.Next(4) == 0 ? [first, PickWith(random, common)] : [first];
    }

    /// <summary>Children's and parents' voices (see <see cref="DemoVoices"/>): save the children and their reviews first.</summary>
    public DemoVoices AddVoices()
    {
        var voices = new DemoVoices(_seed, _today, Children, DemoStaffFor(Roles.Iro)!.Id, DemoStaffFor(Roles.SocialWorker)!.Id);
        voices.Generate();
        return voices;
    }

    /// <summary>The Cafcass referrals, two of them linked to escalations: save the escalations first.</summary>
    public void AddCafcassReferrals()
    {
        if (_escalations is null)
        {
            throw new InvalidOperationException("Add the escalations first.");
        }

        CafcassReferrals.AddRange(_escalations.CafcassReferrals());
    }

    private Child NewChild()
    {
        // Ages at today roughly follow the national looked-after population: few babies, most aged 10–17.
        var age = WeightedAge();
        var dateOfBirth = _today.AddYears(-age).AddDays(-_random.Next(0, 365));
        var sex = _random.NextDouble() < 0.56 ? Sex.M : Sex.F;
        var given = Pick(sex == Sex.M ? s_boys : s_girls);
        var localId = $"CR{_nextLocalId++.ToString(CultureInfo.InvariantCulture)}";
        return new Child(localId, given, Pick(s_familyNames), dateOfBirth, sex);
    }

    private int WeightedAge()
    {
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.05 => 0,
            < 0.20 => _random.Next(1, 5),
            < 0.38 => _random.Next(5, 10),
            < 0.76 => _random.Next(10, 16),
            _ => _random.Next(16, 18),
        };
    }

    /// <summary>
    /// Plays a child's care forward from the day they became looked after to today: placement moves,
    /// legal status changes, care plan versions, reviews (mostly on time, some late, a few still overdue)
    /// and, for some, leaving care and sometimes coming back. Each period of care gets its visits and
    /// assessments once its placements are known.
    /// </summary>
    private void PlayCareHistory(Child child, StaffMember iro, StaffMember socialWorker)
    {
        _emptySections = _random.NextDouble() < 0.15 ? [.. s_oftenLeftEmpty.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3))] : [];
        _primary = Pick(s_primarySchools);
        _secondary = Pick(s_secondarySchools);
        _college = Pick(s_colleges);

        PlayEpisodesAndReviews(child, iro, socialWorker);
        FinishRecommendations(child);
        if (child.IsLookedAfter)
        {
            WritePendingPlan(child, _today);
            ArrangeNextReview(child);
            ArrangeVisits(child);
            RecordEvents(child);
            ChangePlanSinceLastReview(child);
        }
    }

    private void PlayEpisodesAndReviews(Child child, StaffMember iro, StaffMember socialWorker)
    {
        var earliest = Max(new DateOnly(2019, 1, 7), child.DateOfBirth.AddDays(3));
        var spanDays = _today.DayNumber - earliest.DayNumber;
        var start = earliest.AddDays((int)(spanDays * Math.Pow(_random.NextDouble(), 1.3)));
        start = Min(start, _today.AddDays(-5));
        if (start < child.DateOfBirth)
        {
            start = child.DateOfBirth;
        }

        var shortBreaks = _random.NextDouble() < 0.03 && child.AgeOn(start) >= 5;
        var legal = shortBreaks ? LegalStatus.V3 : InitialLegalStatus(child.AgeOn(start));
        child.BecomeLookedAfter(start, legal, PlacementFor(child.AgeOn(start), legal), CategoryOfNeedFor(shortBreaks), start, _rules);
        child.Allocate(iro, socialWorker, start, _rules, start);
        StartPeriodPlan(start);

        var leavesOn = _random.NextDouble() < 0.14 ? start.AddDays(_random.Next(60, 900)) : (DateOnly?)null;
        var neglectful = _random.NextDouble() < 0.07;
        var day = start;
        var nextMove = day.AddDays(_random.Next(90, 700));
        while (true)
        {
            var due = child.NextReviewDue(_rules)!;
            var late = _random.NextDouble() < 0.12;
            var heldOn = late ? due.DueOn.AddDays(_random.Next(1, 35)) : due.DueOn.AddDays(-_random.Next(0, 15));
            heldOn = ShapeHeldOn(child, due.DueOn, heldOn);
            // A review brought forward after a move can fall due within days; it is never held on the
            // day of the last review or move.
            heldOn = Max(heldOn, day.AddDays(1));
            var next = Min(heldOn, nextMove);
            if (leavesOn is { } leaving && leaving <= next && leaving <= _today)
            {
                WritePendingPlan(child, leaving);
                _planDueOn = null;
                child.CeaseToBeLookedAfter(leaving, LeavingReason(child.AgeOn(leaving)), _today, _rules);
                var returnsOn = leaving.AddDays(_random.Next(60, 400));
                if (_random.NextDouble() > 0.3 || returnsOn > _today.AddDays(-10) || child.AgeOn(returnsOn) >= 17)
                {
                    return;
                }

                // A new period of care: the review sequence starts again at the first review.
                child.BecomeLookedAfter(returnsOn, LegalStatus.V2, PlacementFor(child.AgeOn(returnsOn), LegalStatus.V2),
                    child.Episodes[0].CategoryOfNeed, _today, _rules);
                StartPeriodPlan(returnsOn);
                leavesOn = null;
                day = returnsOn;
                nextMove = day.AddDays(_random.Next(90, 700));
                continue;
            }

            if (next > _today || (neglectful && next > _today.AddDays(-60)))
            {
                // Stop here: reviews still to come, or (for a few children) a review that has been missed.
                return;
            }

            if (next == nextMove && nextMove < heldOn)
            {
                WritePendingPlan(child, nextMove);
                MoveOrChangeStatus(child, nextMove);
                day = nextMove;
                nextMove = day.AddDays(_random.Next(120, 900));
                AfterMove(child, day, nextMove > _today);
                continue;
            }

            // A plan still owed is finished for the review, which then looks at it.
            _planDueOn = _planDueOn is { } owed ? Min(owed, heldOn) : null;
            WritePendingPlan(child, heldOn);
            ReviseAtReview(child, heldOn);
            HoldReview(child, heldOn);
            day = heldOn;
        }
    }

    /// <summary>
    /// So that the demo shows what it promises on any day (<see cref="DemoPromises"/>), a few reviews are held on a
    /// day chosen for them. Until one of the demo IRO's children is overdue a review, the first of theirs whose
    /// review fell due in the last four weeks is still waiting for it. Until one of theirs has a review due soon,
    /// the first whose review fell due about six months ago has it held then, so the next falls due in the coming
    /// days. Until a review has been held late in this financial year, another IRO's child whose review fell due
    /// in the last five weeks has it late, since the year began (on 1 April, that day).
    /// </summary>
    private DateOnly ShapeHeldOn(Child child, DateOnly dueOn, DateOnly heldOn)
    {
        if (child.Iro == _demoIro)
        {
            var sixMonthsAgo = _today.AddMonths(-6).AddDays(5);
            return !_demoIroHasReviewOverdue && dueOn < _today && dueOn >= _today.AddDays(-28) ? Max(heldOn, _today.AddDays(1))
                : !_demoIroHasReviewDueSoon && Math.Abs(dueOn.DayNumber - sixMonthsAgo.DayNumber) <= 14 ? sixMonthsAgo
                : heldOn;
        }

        var yearStart = FinancialYear.Containing(_today).Start;
        var lateFrom = Max(dueOn.AddDays(1), yearStart);
        return !_reviewHeldLateThisYear && dueOn < _today && dueOn >= _today.AddDays(-35) && (heldOn <= dueOn || heldOn < yearStart || heldOn > _today)
            ? lateFrom.AddDays((_today.DayNumber - lateFrom.DayNumber) / 2)
            : heldOn;
    }

    /// <summary>
    /// Holds a review as an IRO would record it: what was said, two to four SMART recommendations, and
    /// the decisions and record sent out (mostly on time). Whatever the last review asked for is done
    /// first, most of it on time and some late.
    /// </summary>
    private void HoldReview(Child child, DateOnly heldOn)
    {
        foreach (var open in child.Recommendations.Where(r => r.IsOpen).ToList())
        {
            var onTime = _random.NextDouble() < 0.75 && open.DueOn < heldOn;
            var from = onTime ? MadeOn(child, open).AddDays(1) : open.DueOn.AddDays(1);
            var to = Min(onTime ? open.DueOn : heldOn.AddDays(-1), _today);
            open.Complete(Between(from, to), Pick(s_doneNotes), open.OwnerName, _today);
        }

        SeeChildAloneBefore(child, heldOn);
        var participation = ParticipationFor(child, heldOn);
        var record = new ReviewRecord(heldOn, participation,
            $"{child.GivenName}; {child.SocialWorker?.Name}, social worker; {child.Iro?.Name}, IRO; foster carer",
            Pick(s_wishes), "Mother sent her views by email; she supports the plan.", Pick(s_iroViews),
            new Dictionary<int, string> { [4] = "Contact is going well and continues as planned.", [6] = "Settled at school; PEP up to date." },
            null);
        var drafts = Enumerable.Range(0, _random.Next(2, 5)).Select(_ => RecommendationFor(child, heldOn)).ToList();
        var review = child.RecordReview(record, drafts, [], child.Iro?.Name ?? "IRO", _today, _rules);
        _reviewHeldLateThisYear |= DemoPromises.HeldLateThisYear(review, _today);
        review.WriteLetterToChild(Features.Reviews.ChildLetter.Draft(child, heldOn, drafts, child.NextReviewDueOn, child.Iro?.Name));

        var decisionsOn = _rules.Calendar.AddWorkingDays(heldOn, _random.NextDouble() < 0.85 ? _random.Next(1, 6) : _random.Next(6, 12));
        if (decisionsOn <= _today)
        {
            review.IssueDecisions(decisionsOn, _today);
        }

        var recordOn = _rules.Calendar.AddWorkingDays(heldOn, _random.NextDouble() < 0.8 ? _random.Next(8, 21) : _random.Next(21, 35));
        if (recordOn <= _today)
        {
            review.IssueRecord(recordOn, _today);
        }
    }

    /// <summary>
    /// Most children of 4 and over are seen alone by their IRO before a review, older ones more often. The
    /// review is arranged three weeks ahead, as it would have been on the day, so the visit is recorded
    /// against it. Its own random numbers leave the rest of the demo data as it was.
    /// </summary>
    private void SeeChildAloneBefore(Child child, DateOnly heldOn)
    {
        var age = child.AgeOn(heldOn);
        var rate = age switch { < 4 => 0.0, 4 => 0.3, <= 9 => 0.55, _ => 0.75 };
        if (child.OpenReview is not null || child.NextReviewDue(_rules) is not { } due || _preparation.NextDouble() >= rate)
        {
            return;
        }

        var arrangedOn = heldOn.AddDays(-21);
        var review = child.ScheduleReview(new ReviewArrangements(heldOn, new TimeOnly(10, 0), PickWith(_preparation, s_venues), null,
            heldOn > due.DueOn ? "The first date offered did not suit the family" : null), arrangedOn, _rules);
        var seenOn = heldOn.AddDays(-_preparation.Next(1, 15));
        review.RecordChildSeenAlone(seenOn, null, seenOn);
    }

    private RecommendationDraft RecommendationFor(Child child, DateOnly heldOn)
    {
        var (action, role, monitoring) = Pick(child.AgeOn(heldOn) >= 15 ? [.. s_actions, .. s_olderActions] : s_actions);
        var dueOn = heldOn.AddDays(7 * _random.Next(2, 11));
        var owner = role switch
        {
            "Social worker" => child.SocialWorker,
            "IRO" => child.Iro,
            "Team manager" => Staff.FirstOrDefault(s => s.Role == StaffRole.TeamManager && s.Team is not null && s.Team == child.SocialWorker?.Team),
            _ => null,
        };
        return new RecommendationDraft(action, owner?.Name ?? $"{Pick(s_girls)} {Pick(s_familyNames)}", role, owner?.Id, dueOn, monitoring);
    }

    /// <summary>Recommendations from the latest review: some done, some overdue, some with progress noted.</summary>
    private void FinishRecommendations(Child child)
    {
        foreach (var open in child.Recommendations.Where(r => r.IsOpen).ToList())
        {
            var made = MadeOn(child, open);
            if (made >= _today)
            {
                continue;
            }

            if (open.DueOn < _today && _random.NextDouble() < 0.6)
            {
                open.Complete(Between(made.AddDays(1), _today), Pick(s_doneNotes), open.OwnerName, _today);
            }
            else if (_random.NextDouble() < 0.35)
            {
                open.RecordProgress(Between(made.AddDays(1), _today), Pick(s_progressNotes), open.OwnerName, _today);
            }
        }
    }

    /// <summary>
    /// Children whose review is close have it arranged, with some of the preparation done. Until one of the demo
    /// IRO's children could be the demo child (see <see cref="DemoVoices"/>), theirs of the right age have it
    /// arranged always, and up to four months ahead.
    /// </summary>
    private void ArrangeNextReview(Child child)
    {
        var due = child.NextReviewDueOn!.Value;
        var forDemoChild = !_demoChildCandidate && child.Iro == _demoIro && DemoVoices.HasLetterToRate(child, _today);
        if (due < _today.AddDays(3) || due > _today.AddDays(forDemoChild ? 120 : 45))
        {
            return;
        }

        var notYet = due <= _today.AddDays(45) && _random.NextDouble() < 0.25;
        if (notYet && !forDemoChild)
        {
            return;
        }

        var on = _rules.Calendar.AddWorkingDays(due, -_random.Next(1, 6));
        if (on < _today.AddDays(1))
        {
            if (!forDemoChild)
            {
                return;
            }

            on = _today.AddDays(1);
        }

        var review = child.ScheduleReview(new ReviewArrangements(on, new TimeOnly(_random.Next(9, 16), _random.Next(0, 2) * 30),
            Pick(s_venues), $"{child.GivenName}\n{child.SocialWorker?.Name}, social worker\nFoster carer\nBirth mother", null), _today, _rules);
        var consultBy = _rules.Calendar.AddWorkingDays(on, -Review.ConsultationWorkingDays);
        if (consultBy <= _today && _random.NextDouble() < 0.7)
        {
            review.RecordConsultation(Min(consultBy.AddDays(-_random.Next(0, 5)), _today), _today);
        }

        if (_random.NextDouble() < 0.5)
        {
            review.RecordParentsViewsSought(_today.AddDays(-_random.Next(0, 10)), _today);
        }
    }

    /// <summary>
    /// A new period of care: the first care plan is written within 10 working days (a placement plan is
    /// part of it, due in 5), most on time and a few late; up to three more versions follow at reviews.
    /// </summary>
    private void StartPeriodPlan(DateOnly start)
    {
        var roll = _random.NextDouble();
        var workingDays = roll switch { < 0.75 => _random.Next(0, 6), < 0.92 => _random.Next(6, 11), _ => _random.Next(11, 26) };
        _planDueOn = _rules.Calendar.AddWorkingDays(start, workingDays);
        _periodHasPlan = false;
        _reviewVersionsLeft = _random.NextDouble() switch { < 0.35 => 0, < 0.75 => 1, < 0.9 => 2, _ => 3 };
    }

    /// <summary>Writes the plan still owed (the first one, or the placement plan after a move) if its day has come by <paramref name="upTo"/>.</summary>
    private void WritePendingPlan(Child child, DateOnly upTo)
    {
        if (_planDueOn is not { } on || on > upTo || on > _today)
        {
            return;
        }

        _planDueOn = null;
        if (_periodHasPlan)
        {
            WritePlacementPlan(child, on);
        }
        else
        {
            WriteFirstPlan(child, on);
        }
    }

    private void WriteFirstPlan(Child child, DateOnly on)
    {
        var episode = child.CurrentEpisode!;
        var age = child.AgeOn(on);
        var facts = new PlanFacts(child, episode, age, PermanenceFor(episode, age));
        var sections = s_sections.ToDictionary(s => s, s => (string?)(_emptySections.Contains(s) ? "" : Text(s, facts)));

        // A child back in care after a time at home has a plan from before; this one is made for the new period.
        var note = child.CurrentCarePlan is null
            ? "First care plan, agreed with the team manager."
            : $"Care plan for the new period of care from {GovukDate.Format(child.CurrentPeriodStart())}.";
        Save(child, facts.Permanence, sections, note, on);
        _periodHasPlan = true;
    }

    private void WritePlacementPlan(Child child, DateOnly on)
    {
        var plan = child.CurrentCarePlan!;
        var facts = new PlanFacts(child, child.CurrentEpisode!, child.AgeOn(on), plan.Permanence);
        var sections = SectionsOf(plan);
        var note = $"Placement plan for the placement that started on {GovukDate.Format(facts.Episode.StartedOn)}.";
        if (!Fits(facts.Permanence, facts.Episode))
        {
            facts = facts with { Permanence = PermanenceFor(facts.Episode, facts.Age) };
            RewriteForPermanence(sections, facts);
            note += $" Plan for permanence now: {Words(facts.Permanence)}.";
        }
        else if (_random.NextDouble() < 0.3)
        {
            Rewrite(sections, CarePlanSection.Contact, facts);
        }

        Rewrite(sections, CarePlanSection.PlacementPlan, facts);
        if (_random.NextDouble() < 0.5)
        {
            Rewrite(sections, CarePlanSection.ChildsWishesAndFeelings, facts);
        }

        Save(child, facts.Permanence, sections, note, on);
    }

    /// <summary>
    /// The plan is brought up to date on the day of a review, before the review is recorded, so the review
    /// looks at it: always when the legal status or placement no longer fits the plan for permanence,
    /// otherwise at up to three recent reviews in a period.
    /// </summary>
    private void ReviseAtReview(Child child, DateOnly heldOn)
    {
        if (!_periodHasPlan || child.CurrentCarePlan!.MadeOn >= heldOn)
        {
            return;
        }

        var plan = child.CurrentCarePlan;
        var facts = new PlanFacts(child, child.CurrentEpisode!, child.AgeOn(heldOn), plan.Permanence);
        var fits = Fits(facts.Permanence, facts.Episode);

        // An older placement whose placement plan was left out of the history gets one here if it is still
        // the child's placement in the last year, so today's placement always has its plan.
        var placementPlanMissing = heldOn >= _today.AddYears(-1) && !facts.Episode.LegalStatus.IsShortBreak()
            && plan.ChangedOn(CarePlanSection.PlacementPlan) < PlacementStart(child);
        if (fits && !placementPlanMissing && (_reviewVersionsLeft == 0 || heldOn < RecentFrom || _random.NextDouble() >= 0.5))
        {
            return;
        }

        if (fits && !placementPlanMissing)
        {
            _reviewVersionsLeft--;
        }

        var sections = SectionsOf(plan);
        if (placementPlanMissing)
        {
            Rewrite(sections, CarePlanSection.PlacementPlan, facts);
        }

        var note = $"Updated after the review on {GovukDate.Format(heldOn)}.";
        if (!fits)
        {
            facts = facts with { Permanence = PermanenceFor(facts.Episode, facts.Age) };
            RewriteForPermanence(sections, facts);
            note += $" Plan for permanence now: {Words(facts.Permanence)}.";
        }
        else if (_random.NextDouble() < 0.15)
        {
            Rewrite(sections, CarePlanSection.Contact, facts);
            note += " Contact changed as the review agreed.";
        }

        Rewrite(sections, CarePlanSection.HealthPlan, facts);
        Rewrite(sections, CarePlanSection.PersonalEducationPlan, facts);
        (CarePlanSection Section, double Chance)[] others =
        [
            (CarePlanSection.ChildsWishesAndFeelings, 0.5), (CarePlanSection.EmotionalAndBehaviouralDevelopment, 0.4),
            (CarePlanSection.FamilyAndSocialRelationships, 0.2), (CarePlanSection.SelfCareSkills, 0.2),
        ];
        foreach (var (section, chance) in others)
        {
            if (_random.NextDouble() < chance)
            {
                Rewrite(sections, section, facts);
            }
        }

        Save(child, facts.Permanence, sections, note, heldOn);
    }

    /// <summary>
    /// After a move the placement plan is due within 5 working days, and the IRO often brings the review
    /// forward. The placement plans of most placements that ended over a year ago are left out: the
    /// deadlines look only at the current placement, and every version is twelve more rows to save when
    /// the demo starts.
    /// </summary>
    private void AfterMove(Child child, DateOnly on, bool noMoreChanges)
    {
        var episode = child.CurrentEpisode!;
        if (episode.StartedOn != on || episode.ReasonForNewEpisode == ReasonForNewEpisode.L)
        {
            return;
        }

        // The next change for a child on an interim or emergency order is usually a new order, not a new
        // placement, so this placement may well be the one the child is in today. A first plan still to
        // be written will cover the new placement.
        var mayBeCurrent = noMoreChanges || episode.LegalStatus is LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2;
        if (_periodHasPlan && (mayBeCurrent || on >= _today.AddYears(-1) || _random.NextDouble() < 0.15))
        {
            _planDueOn = _rules.Calendar.AddWorkingDays(on, _random.NextDouble() < 0.85 ? _random.Next(0, 6) : _random.Next(6, 13));
        }

        // Without this most recent moves would leave the new placement plan waiting for the next statutory
        // review, and far more children than a handful would be flagged today. Older moves have had a
        // statutory review since, so bringing theirs forward would only add reviews to save.
        var to = _rules.Calendar.AddWorkingDays(on, _random.Next(5, 16));
        if (on >= _today.AddMonths(-7) && _random.NextDouble() < 0.95 && to < child.NextReviewDue(_rules)!.DueOn)
        {
            child.BringReviewForward(to, $"Placement changed on {GovukDate.Format(on)}; the new placement plan needs a review", on, _rules);
        }
    }

    /// <summary>
    /// A few children (and always one of the demo IRO's) have a significant change to the plan since their
    /// last review (permanence, contact or the placement plan), so the caseload shows it needs a review.
    /// </summary>
    private void ChangePlanSinceLastReview(Child child)
    {
        var period = child.CurrentPeriodStart()!.Value;
        var plan = child.CurrentCarePlan;
        var lastReview = child.Reviews.Where(r => r.HeldOn >= period).Max(r => r.HeldOn);
        if (plan is null || plan.MadeOn < period || lastReview is not { } reviewed || child.PlanChangeAwaitingReviewOn is not null
            || child.CurrentEpisode!.LegalStatus.IsShortBreak())
        {
            return;
        }

        var mustShow = child.Iro == _demoIro && !_demoIroHasPlanChange;
        if (!mustShow && _random.NextDouble() >= 0.025)
        {
            return;
        }

        var from = Max(Max(reviewed, plan.MadeOn).AddDays(1), _today.AddDays(-42));
        if (from > _today)
        {
            return;
        }

        var on = Between(from, _today);
        var facts = new PlanFacts(child, child.CurrentEpisode!, child.AgeOn(on), plan.Permanence);
        var sections = SectionsOf(plan);
        var roll = _random.NextDouble();
        string note;
        if (roll < 0.35 && NewDirection(facts) is { } direction)
        {
            facts = facts with { Permanence = direction.Permanence };
            sections[CarePlanSection.Permanence] = Fill(direction.Text, child);
            note = direction.Note;
        }
        else if (roll >= 0.75 && plan.ChangedOn(CarePlanSection.PlacementPlan) >= PlacementStart(child))
        {
            sections[CarePlanSection.PlacementPlan] = $"{sections[CarePlanSection.PlacementPlan]} {Fill(Pick(s_placementAdditions), child)}".Trim();
            note = "Placement plan changed at the carers' request. The IRO has been told.";
        }
        else
        {
            sections[CarePlanSection.Contact] = Fresh(sections[CarePlanSection.Contact], () => Fill(Pick(s_contactChanges), child));
            note = $"Contact changed on {GovukDate.Format(on)}. The IRO has been told; the change needs a review.";
        }

        Save(child, facts.Permanence, sections, note, on);
    }

    /// <summary>A change of direction for the plan for permanence, and why; null when there is no sensible one.</summary>
    private static (IReadOnlyList<PermanenceOption> Permanence, string Text, string Note)? NewDirection(PlanFacts facts)
    {
        var plan = facts.Permanence;
        if (plan.Any(IsReturnHome))
        {
            return facts.Age < 16
                ? ([PermanenceOption.LTFOST18],
                    "Return home has been ruled out after the parenting assessment. {name} will stay in foster care until 18; a long-term match will go to the fostering panel.",
                    "Return home ruled out after the parenting assessment; the plan is now long-term fostering. The IRO has been told.")
                : ([PermanenceOption.SUPPLIV],
                    "Return home has been ruled out. {name} will move to supported living at 18 with help from a personal adviser.",
                    "Return home ruled out; the plan is now supported living. The IRO has been told.");
        }

        if (plan.Contains(PermanenceOption.ADOPTION) && facts.Episode.PlacementType is not (PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6))
        {
            return ([PermanenceOption.ADOPTION, PermanenceOption.LTFOST18],
                "Family finding has not found adopters after a year. Adoption stays the plan while a final search is made; long-term fostering is the parallel plan.",
                "No adopters found after a year of family finding; long-term fostering added as the parallel plan. The IRO has been told.");
        }

        if (plan.Contains(PermanenceOption.LTFOST18) || plan.Contains(PermanenceOption.LTRELFR))
        {
            return ([.. plan, PermanenceOption.RETURNEV],
                "Mum has moved and finished a drug and alcohol programme. A return home is being assessed alongside the current plan.",
                "Mum's circumstances have changed; a return home is now being assessed. The IRO has been told.");
        }

        return null;
    }

    /// <summary>The plan for permanence that fits the child's legal status, placement and age.</summary>
    private IReadOnlyList<PermanenceOption> PermanenceFor(CareEpisode episode, int age)
    {
        var roll = _random.NextDouble();
        var legal = episode.LegalStatus;
        IReadOnlyList<PermanenceOption> plan = episode.PlacementType switch
        {
            _ when legal.IsShortBreak() => [PermanenceOption.REMAINSUP],
            _ when legal == LegalStatus.E1 => [PermanenceOption.ADOPTION],
            PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6 => [PermanenceOption.ADOPTION],
            PlacementType.U4 => [PermanenceOption.LTFOST18],
            PlacementType.U1 => [PermanenceOption.LTRELFR],
            PlacementType.P1 => roll < 0.7 ? [PermanenceOption.RETURN6M] : [PermanenceOption.RETURN1M],
            PlacementType.K3 or PlacementType.Z12 => [PermanenceOption.SUPPLIV],
            PlacementType.R3 when legal != LegalStatus.C2 => [PermanenceOption.RETURN6M, PermanenceOption.ADOPTION],
            PlacementType.K2 or PlacementType.S1 when age >= 14 => roll < 0.6 ? [PermanenceOption.RESPLMT] : [PermanenceOption.LTFOST18],
            _ => legal switch
            {
                LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2 when age < 5 =>
                    roll < 0.6 ? [PermanenceOption.RETURNEV, PermanenceOption.ADOPTION] : [PermanenceOption.RETURN6M],
                LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2 =>
                    roll < 0.5 ? [PermanenceOption.RETURN6M, PermanenceOption.LTFOST18] : roll < 0.8 ? [PermanenceOption.RETURNEV] : [PermanenceOption.RETURN1M],
                LegalStatus.V2 when age < 5 => roll < 0.45 ? [PermanenceOption.RETURN6M] : [PermanenceOption.RETURNEV],
                LegalStatus.V2 => roll switch
                {
                    < 0.35 => [PermanenceOption.RETURN6M],
                    < 0.65 => [PermanenceOption.RETURNEV],
                    < 0.75 => [PermanenceOption.RETURN1M],
                    _ => episode.PlacementType == PlacementType.U3 ? [PermanenceOption.LTRELFR] : [PermanenceOption.LTFOST18],
                },
                LegalStatus.J1 => roll < 0.6 ? [PermanenceOption.RETURN1M] : [PermanenceOption.OTHERPLN],
                _ when episode.PlacementType == PlacementType.U3 => roll < 0.6 ? [PermanenceOption.LTRELFR] : [PermanenceOption.RETURNEV],
                _ when age < 5 => roll < 0.45 ? [PermanenceOption.ADOPTION] : roll < 0.85 ? [PermanenceOption.LTFOST18] : [PermanenceOption.RETURNEV],
                _ => roll switch
                {
                    < 0.7 => [PermanenceOption.LTFOST18],
                    < 0.9 => [PermanenceOption.RETURNEV],
                    _ => [PermanenceOption.OTHERPLN],
                },
            },
        };
        return plan;
    }

    /// <summary>
    /// Whether the plan for permanence still fits the child's legal status and placement; one that does
    /// not is changed at the next review. Everything <see cref="PermanenceFor"/> gives fits.
    /// </summary>
    private static bool Fits(IReadOnlyList<PermanenceOption> plan, CareEpisode episode)
    {
        if (episode.LegalStatus.IsShortBreak())
        {
            return plan.Contains(PermanenceOption.REMAINSUP);
        }

        // A placement order settles a parallel plan for adoption.
        if (episode.LegalStatus == LegalStatus.E1)
        {
            return plan.Contains(PermanenceOption.ADOPTION) && !plan.Any(IsReturnHome);
        }

        return episode.PlacementType switch
        {
            PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6 => plan.Contains(PermanenceOption.ADOPTION),
            PlacementType.U4 => plan.Contains(PermanenceOption.LTFOST18),
            PlacementType.U1 => plan.Contains(PermanenceOption.LTRELFR),
            PlacementType.P1 => plan.Any(IsReturnHome),
            PlacementType.K3 or PlacementType.Z12 => plan.Contains(PermanenceOption.SUPPLIV),

            // A full care order ends parallel planning, and a return home within a month is not a plan for a child on one.
            _ => !plan.Contains(PermanenceOption.REMAINSUP)
                && !(episode.LegalStatus == LegalStatus.C2 && (plan.Count > 1 || plan.Contains(PermanenceOption.RETURN1M))),
        };
    }

    private static bool IsReturnHome(PermanenceOption option) =>
        option is PermanenceOption.RETURN1M or PermanenceOption.RETURN6M or PermanenceOption.RETURNEV;

    private static string Words(IReadOnlyList<PermanenceOption> plan) =>
        string.Join("; in parallel, ", plan.Select(p => p.Describe().ToLowerInvariant()));

    /// <summary>What a section says, from the child's age, placement and plan for permanence.</summary>
    private string Text(CarePlanSection section, PlanFacts facts)
    {
        var child = facts.Child;
        var age = facts.Age;
        var shortBreaks = facts.Episode.LegalStatus.IsShortBreak();
        return section switch
        {
            CarePlanSection.Permanence => PermanenceText(facts),
            CarePlanSection.HealthPlan => Fill(Pick(ByAge(age, s_healthBaby, s_healthEarly, s_healthPrimary, s_healthSecondary, s_healthOlder)), child, age),
            CarePlanSection.PersonalEducationPlan =>
                Fill(Pick(age == 4 ? s_educationReception : ByAge(age, s_educationBaby, s_educationEarly, s_educationPrimary, s_educationSecondary, s_educationOlder)), child, age),
            CarePlanSection.EmotionalAndBehaviouralDevelopment =>
                Fill(Pick(ByAge(age, s_emotionalBaby, s_emotionalEarly, s_emotionalPrimary, s_emotionalOlder, s_emotionalOlder)), child, age),
            CarePlanSection.Identity => Fill(Pick(age < 5 ? s_identityYoung : s_identity), child, age),
            CarePlanSection.FamilyAndSocialRelationships => Fill(Pick(age < 5 ? s_familyYoung : s_familyOlder), child, age),
            CarePlanSection.Contact => Fill(Pick(ContactPool(facts)), child, age),
            CarePlanSection.SocialPresentation =>
                Fill(Pick(ByAge(age, s_presentationYoung, s_presentationYoung, s_presentationPrimary, s_presentationSecondary, s_presentationOlder)), child, age),
            CarePlanSection.SelfCareSkills => Fill(Pick(ByAge(age, s_selfCareBaby, s_selfCareEarly, s_selfCarePrimary, s_selfCareSecondary, s_selfCareOlder)), child, age),
            CarePlanSection.PlacementPlan => PlacementText(facts),
            CarePlanSection.ChildsWishesAndFeelings => Fill(Pick(shortBreaks ? s_wishesShortBreaks : age switch
            {
                < 4 => s_wishesTooYoung,
                < 11 => s_wishesPrimary,
                < 16 => s_wishesSecondary,
                _ => s_wishesOlder,
            }), child, age),
            CarePlanSection.ParentsWishesAndFeelings => Fill(Pick(shortBreaks ? s_parentsShortBreaks
                : facts.Permanence.Any(IsReturnHome) ? s_parentsReturn
                : facts.Permanence.Contains(PermanenceOption.ADOPTION) ? s_parentsAdoption
                : s_parentsOther), child, age),
            _ => "",
        };
    }

    private string PermanenceText(PlanFacts facts)
    {
        var plan = facts.Permanence;
        if (plan.Count > 1)
        {
            return $"Parallel planning while the assessments finish. Plan A: {plan[0].Describe()}. Plan B: {plan[1].Describe()}. "
                + "The plan will be settled at the final hearing.";
        }

        var adopters = facts.Episode.PlacementType is PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6;
        string[] choices = plan[0] switch
        {
            PermanenceOption.REMAINSUP =>
            [
                "{name} lives at home and has short breaks one weekend a month and a week in the summer. The plan is to keep this going while it meets {their} needs.",
                "{name} stays at home with {their} parents, with regular short breaks to give the family a rest.",
            ],
            PermanenceOption.RETURN1M =>
            [
                "{name} will go home within the next month, once the safety plan is signed and school transport is arranged.",
                "Return home to mum within a month; the family support worker will visit twice a week for the first six weeks.",
            ],
            PermanenceOption.RETURN6M when facts.Episode.PlacementType == PlacementType.P1 =>
            [
                "{name} is living at home. If things stay settled, the council will apply to discharge the care order within six months.",
                "{name} lives with {their} parent. The plan is to end the care order within six months if the written agreement is kept.",
            ],
            PermanenceOption.RETURN6M =>
            [
                "{name} will return home to mum within six months if the parenting assessment is positive. Overnight stays will build up first.",
                "Return home within six months, once mum's new flat is ready and the family group conference has agreed a support plan.",
            ],
            PermanenceOption.RETURNEV =>
            [
                "The plan is for {name} to return home when mum has finished the drug and alcohol programme. Progress is checked at each review.",
                "An eventual return home to dad, once his housing is settled. Until then {name} stays with the carers.",
            ],
            PermanenceOption.LTRELFR =>
            [
                "{name} will grow up with {their} grandparents, who are approved as connected carers. A special guardianship order is being considered.",
                "{name} will stay with {their} aunt and uncle until adulthood; they want to apply for a special guardianship order next year.",
            ],
            PermanenceOption.LTFOST18 when facts.Episode.PlacementType == PlacementType.U4 =>
            [
                "{name} will stay with the current foster carers until 18, and can stay on under Staying Put. The long-term match was approved at the fostering panel.",
                "Long-term fostering with the current carers, matched at the fostering panel. {name} can stay on after 18 under Staying Put.",
            ],
            PermanenceOption.LTFOST18 =>
            [
                "Long-term fostering until 18. Family finding for a long-term match is under way; {name} stays with the current carers until one is found.",
                "Long-term fostering until 18. The current carers have asked to be assessed as {name}'s long-term carers.",
            ],
            PermanenceOption.RESPLMT =>
            [
                "{name} will stay at the children's home until ready to move on to supported accommodation, planned for 17 or 18.",
                "Residential care until independence. {name} has said {they} would not want another foster family.",
            ],
            PermanenceOption.SUPPLIV =>
            [
                "{name} will move to supported living at 18 with help from the leaving-care team and a personal adviser.",
                "Supported living in the community; {name} is on the council's housing list for a training flat.",
            ],
            PermanenceOption.ADOPTION when adopters =>
            [
                "{name} is placed with the prospective adopters, who will apply for the adoption order once the 10 weeks the law asks for have passed.",
                "Adoption by the current carers; the adoption order application is being prepared with the regional adoption agency.",
            ],
            PermanenceOption.ADOPTION when facts.Episode.LegalStatus == LegalStatus.E1 =>
            [
                "The plan is adoption. The court has made a placement order; family finding is under way with the regional adoption agency.",
                "Adoption. A link with prospective adopters is going to the adoption panel next month.",
            ],
            PermanenceOption.ADOPTION =>
            [
                "The plan is adoption. The council will ask the court for a placement order at the final hearing.",
                "Adoption, agreed by the agency decision maker; the application for a placement order is with the court.",
            ],
            _ =>
            [
                "Other plan: the options will be settled after the assessments due next month.",
                "The plan will be agreed after the court hearing; the options are set out in the assessment.",
            ],
        };
        return Fill(Pick(choices), facts.Child, facts.Age);
    }

    private static string[] ContactPool(PlanFacts facts)
    {
        if (facts.Episode.LegalStatus.IsShortBreak() || facts.Permanence.Contains(PermanenceOption.REMAINSUP))
        {
            return s_contactShortBreaks;
        }

        if (facts.Permanence.Contains(PermanenceOption.ADOPTION) && !facts.Permanence.Any(IsReturnHome))
        {
            return s_contactAdoption;
        }

        return facts.Age < 2 ? s_contactBaby : facts.Permanence.Any(IsReturnHome) ? s_contactReturn : s_contactLongTerm;
    }

    private string PlacementText(PlanFacts facts)
    {
        var pool = facts.Episode.LegalStatus.IsShortBreak() ? s_placementShortBreaks : facts.Episode.PlacementType switch
        {
            PlacementType.U4 => s_placementLongTermFoster,
            PlacementType.U1 => s_placementLongTermFamily,
            PlacementType.U2 or PlacementType.U3 => s_placementFamily,
            PlacementType.K1 or PlacementType.K2 => s_placementHome,
            PlacementType.K3 => s_placementSupported,
            PlacementType.P1 => s_placementParent,
            PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6 => s_placementAdoption,
            PlacementType.R3 => s_placementFamilyCentre,
            PlacementType.S1 => s_placementSchool,
            PlacementType.U5 or PlacementType.U6 => facts.Age < 5 ? s_placementFosterYoung : s_placementFoster,
            _ => s_placementOther,
        };
        var text = Pick(pool);
        if (text.Contains("{relatives}", StringComparison.Ordinal))
        {
            text = text.Replace("{relatives}", Pick(["{their} grandparents", "{their} aunt and uncle", "{their} older cousin and her partner", "family friends {carers}"]),
                StringComparison.Ordinal);
        }

        if (text.Contains("{carers}", StringComparison.Ordinal))
        {
            var family = Pick(s_familyNames);
            text = text.Replace("{carers}", _random.NextDouble() < 0.6 ? $"{Pick(s_girls)} and {Pick(s_boys)} {family}" : $"{Pick(s_girls)} {family}",
                StringComparison.Ordinal);
        }

        if (text.Contains("{home}", StringComparison.Ordinal))
        {
            text = text.Replace("{home}", Pick(s_homes), StringComparison.Ordinal)
                .Replace("{worker}", $"{Pick(_random.Next(2) == 0 ? s_girls : s_boys)} {Pick(s_familyNames)}", StringComparison.Ordinal);
        }

        return Fill(text, facts.Child, facts.Age);
    }

    /// <summary>The child's words in a template: name, pronouns, school year and schools.</summary>
    private string Fill(string template, Child child, int age = 0)
    {
        var (they, them, their, themself) = child.Sex switch
        {
            Sex.M => ("he", "him", "his", "himself"),
            Sex.F => ("she", "her", "her", "herself"),
            _ => ("they", "them", "their", "themself"),
        };
        return template
            .Replace("{name}", child.GivenName, StringComparison.Ordinal)
            .Replace("{they}", they, StringComparison.Ordinal)
            .Replace("{them}", them, StringComparison.Ordinal)
            .Replace("{their}", their, StringComparison.Ordinal)
            .Replace("{themself}", themself, StringComparison.Ordinal)
            .Replace("{year}", (age - 4).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{primary}", _primary, StringComparison.Ordinal)
            .Replace("{secondary}", _secondary, StringComparison.Ordinal)
            .Replace("{college}", _college, StringComparison.Ordinal);
    }

    private static T ByAge<T>(int age, T baby, T early, T primary, T secondary, T older) => age switch
    {
        < 2 => baby,
        < 5 => early,
        < 11 => primary,
        < 16 => secondary,
        _ => older,
    };

    private static Dictionary<CarePlanSection, string?> SectionsOf(CarePlanVersion plan) =>
        s_sections.ToDictionary(s => s, s => (string?)plan.Text(s));

    /// <summary>Rewrites a section so that it reads differently; a section this child's plan leaves empty stays empty.</summary>
    private void Rewrite(Dictionary<CarePlanSection, string?> sections, CarePlanSection section, PlanFacts facts)
    {
        if (!_emptySections.Contains(section))
        {
            sections[section] = Fresh(sections[section], () => Text(section, facts));
        }
    }

    /// <summary>Contact and the parents' views follow the plan for permanence.</summary>
    private void RewriteForPermanence(Dictionary<CarePlanSection, string?> sections, PlanFacts facts)
    {
        Rewrite(sections, CarePlanSection.Permanence, facts);
        Rewrite(sections, CarePlanSection.Contact, facts);
        Rewrite(sections, CarePlanSection.ParentsWishesAndFeelings, facts);
    }

    private static string Fresh(string? previous, Func<string> write)
    {
        for (var i = 0; i < 8; i++)
        {
            var text = write();
            if (text != previous)
            {
                return text;
            }
        }

        return $"{previous} Checked and still right.";
    }

    private void Save(Child child, IReadOnlyList<PermanenceOption> permanence, Dictionary<CarePlanSection, string?> sections, string note, DateOnly on)
    {
        // The domain refuses a version that changes nothing; the health plan always has something new to say.
        if (child.CurrentCarePlan is { } previous && previous.Permanence.SequenceEqual(permanence.Distinct().Order())
            && previous.IroName == child.Iro?.Name && s_sections.All(s => previous.Text(s) == (sections[s] ?? "").Trim()))
        {
            sections[CarePlanSection.HealthPlan] = Fresh(sections[CarePlanSection.HealthPlan],
                () => Text(CarePlanSection.HealthPlan, new PlanFacts(child, child.CurrentEpisode!, child.AgeOn(on), permanence)));
        }

        child.ChangeCarePlan(new CarePlanDraft(permanence, sections, note), child.SocialWorker?.Name ?? "Social worker", on, _rules);
    }

    /// <summary>
    /// A few children have their visits arranged differently: a long-term fostered child who agreed to fewer
    /// visits (reg 28(3A)), a child placed with a parent before the assessment is complete (reg 28(3)) and a
    /// child with temporarily approved connected carers (reg 28(4)).
    /// </summary>
    private void ArrangeVisits(Child child)
    {
        var episode = child.CurrentEpisode!;
        var placementStart = PlacementStart(child);
        if (episode.PlacementType is PlacementType.U1 or PlacementType.U4 && !episode.LegalStatus.IsShortBreak()
            && placementStart.AddMonths(13) <= _today && child.AgeOn(_today) >= 10
            && (_fewerVisitsAgreed == 0 || _random.NextDouble() < 0.2))
        {
            var from = Max(placementStart.AddMonths(12), episode.StartedOn);
            child.SetVisitArrangements(Between(Min(from, _today), Min(from.AddMonths(12), _today)), false, false, _today, _rules);
            _fewerVisitsAgreed++;
        }
        else if (episode.PlacementType == PlacementType.P1 && placementStart >= _today.AddMonths(-9)
            && (_parentAssessmentsIncomplete == 0 || _random.NextDouble() < 0.3))
        {
            child.SetVisitArrangements(null, true, false, _today, _rules);
            _parentAssessmentsIncomplete++;
        }
        else if (episode.PlacementType == PlacementType.U3 && placementStart >= _today.AddDays(-16 * 7) && _random.NextDouble() < 0.5)
        {
            child.SetVisitArrangements(null, false, true, _today, _rules);
        }
    }

    /// <summary>
    /// Visits since the current placement started, and the last two years' health assessments, dental
    /// checks and PEP meetings, mostly on time. A few are let lapse, so about one child in ten is overdue
    /// a visit and a few an assessment or PEP; a 16- or 17-year-old's leaving-care needs assessment is
    /// usually done. Older history would only add rows that the child's page (the latest ten) never shows.
    /// </summary>
    private void RecordEvents(Child child)
    {
        var period = child.CurrentPeriodStart()!.Value;
        var placementStart = PlacementStart(child);
        var episodes = child.Episodes.Where(e => e.StartedOn >= placementStart).ToList();
        var firstReview = child.Reviews.Where(r => r.HeldOn >= period).Min(r => r.HeldOn);
        var flags = new VisitFlags(child.ChildAgreedToFewerVisitsOn, child.ParentAssessmentIncomplete, child.ConnectedPersonTemporarilyApproved);
        var visits = PlanVisits(episodes, firstReview, _today, flags);

        // Until the demo social worker has a child to show the care plan journey with, theirs that could show it have lapsed.
        var lapse = _random.NextDouble() < 0.09;
        if (lapse || (!_demoSocialWorkerHasVisitOverdue && child.SocialWorker == _demoSocialWorker && DemoPromises.HasPlanAndUsualVisits(child)))
        {
            LetVisitsLapse(visits);
        }

        RecordVisits(child, visits, _today);

        if (!episodes[0].LegalStatus.IsShortBreak())
        {
            var health = PlanHealthAssessments(child, period, _today);
            if (_random.NextDouble() < 0.05)
            {
                Lapse(health, _today.AddDays(-420));
            }

            foreach (var assessment in health.Where(h => h.On >= RecentFrom))
            {
                var note = assessment.On <= period.AddDays(45) ? "Initial health assessment by the paediatrician." : Pick(s_healthNotes);
                Record(child, CareEventKind.HealthAssessment, assessment.On, _today, note);
            }
        }

        var dental = Max(Max(period, RecentFrom).AddDays(_random.Next(30, 150)), child.DateOfBirth.AddYears(1));
        for (var on = Weekday(dental); on <= _today; on = Weekday(on.AddDays(_random.Next(150, 400))))
        {
            Record(child, CareEventKind.DentalCheck, on, _today, Pick(s_dentalNotes));
        }

        var peps = PlanPeps(child, period, _today);
        if (_random.NextDouble() < 0.06)
        {
            Lapse(peps, _today.AddDays(-300));
        }

        foreach (var pep in peps.Where(p => p.On >= RecentFrom))
        {
            Record(child, CareEventKind.PepMeeting, pep.On, _today, Pick(s_pepNotes));
        }

        RecordNeedsAssessment(child, period);
    }

    /// <summary>Older history than this is not generated: it would only slow the start of the demo.</summary>
    private DateOnly RecentFrom => _today.AddYears(-2);

    /// <summary>
    /// Visits from the placement's start: the first within a week, then within the interval the rule in
    /// force allows (mostly 4 to 6 weeks), a few late, and now and then one where the child was not seen.
    /// </summary>
    private List<PlannedEvent> PlanVisits(List<CareEpisode> episodes, DateOnly? firstReview, DateOnly last, VisitFlags flags)
    {
        var visits = new List<PlannedEvent>();
        var placementStart = episodes[0].StartedOn;
        var next = DateOnly.MaxValue;
        for (var i = 0; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            var final = i == episodes.Count - 1;
            var until = final ? last : Min(last, episodes[i + 1].StartedOn.AddDays(-1));
            var rules = final ? flags : default;
            var moved = episode.ReasonForNewEpisode != ReasonForNewEpisode.L;
            if (moved)
            {
                placementStart = episode.StartedOn;
            }

            // A new placement starts its own visits; so does a new order for a child living at home (rule V5.1).
            if (moved || episode.PlacementType == PlacementType.P1 || i == 0)
            {
                var due = _rules.Add(FirstVisitRule(episode, firstReview is { } held && held <= episode.StartedOn, rules), episode.StartedOn);
                next = _random.NextDouble() < 0.05 ? due.AddDays(_random.Next(1, 6)) : Between(episode.StartedOn, due);
            }

            while (next <= until)
            {
                if (_random.NextDouble() < 0.03)
                {
                    visits.Add(new PlannedEvent(next, false, default));
                    next = next.AddDays(_random.Next(2, 10));
                    continue;
                }

                var due = NextVisitDue(episode, placementStart, next, firstReview is { } held && held <= next, rules);
                visits.Add(new PlannedEvent(next, true, due));
                next = Draw(next, due);
            }
        }

        return visits;
    }

    private static string FirstVisitRule(CareEpisode episode, bool firstReviewHeld, VisitFlags flags)
    {
        var atHome = episode.PlacementType == PlacementType.P1;
        return episode.LegalStatus.IsShortBreak() ? "S3.1"
            : atHome && episode.LegalStatus == LegalStatus.C2 ? "V5.1"
            : (flags.ConnectedPersonTemporarilyApproved || (atHome && episode.LegalStatus == LegalStatus.C1)) && !firstReviewHeld ? "V4.1"
            : flags.ParentAssessmentIncomplete && !firstReviewHeld ? "V3.1"
            : "V1.1";
    }

    /// <summary>The day the next visit is due after one on <paramref name="last"/>, by the rule the deadline engine would choose.</summary>
    private DateOnly NextVisitDue(CareEpisode episode, DateOnly placementStart, DateOnly last, bool firstReviewHeld, VisitFlags flags)
    {
        var atHome = episode.PlacementType == PlacementType.P1;
        var longTerm = episode.PlacementType is PlacementType.U1 or PlacementType.U4;
        var heldAYear = placementStart.AddMonths(12) <= last;
        var rule = episode.LegalStatus.IsShortBreak() ? "S3.2"
            : atHome && episode.LegalStatus == LegalStatus.C2 ? "V5.2"
            : flags.ConnectedPersonTemporarilyApproved || (atHome && episode.LegalStatus == LegalStatus.C1) ? (firstReviewHeld ? "V4.3" : "V4.2")
            : flags.ParentAssessmentIncomplete ? (firstReviewHeld ? "V3.3" : "V3.2")
            : longTerm && heldAYear && flags.ChildAgreedOn <= last ? "V2"
            : longTerm && heldAYear ? "V1.3"
            : heldAYear ? "V1.4"
            : "V1.2";
        return _rules.Add(rule, last);
    }

    /// <summary>The next time something is done: mostly in the last two fifths of the interval, now and then a little late.</summary>
    private DateOnly Draw(DateOnly from, DateOnly due)
    {
        var span = due.DayNumber - from.DayNumber;
        return _random.NextDouble() < 0.04
            ? due.AddDays(_random.Next(1, Math.Max(3, span / 4)))
            : due.AddDays(-_random.Next(0, Math.Max(1, span * 2 / 5)));
    }

    /// <summary>The visits stopped a while ago: the last ones are dropped until the next is overdue, and some have a visit where the child was not seen.</summary>
    private void LetVisitsLapse(List<PlannedEvent> visits)
    {
        var cutoff = _today.AddDays(-150);
        while (visits.Count > 0 && visits[^1].On >= cutoff && visits.LastOrDefault(v => v.Seen).DueAfter >= _today)
        {
            visits.RemoveAt(visits.Count - 1);
        }

        if (visits.Count > 0 && visits[^1].On < _today && _random.NextDouble() < 0.4)
        {
            visits.Add(new PlannedEvent(Between(Max(visits[^1].On.AddDays(1), _today.AddDays(-14)), _today), false, default));
        }
    }

    /// <summary>Drops the latest assessments (back to <paramref name="cutoff"/> at most) until the next one is overdue.</summary>
    private void Lapse(List<PlannedEvent> done, DateOnly cutoff)
    {
        while (done.Count > 0 && done[^1].On >= cutoff && done[^1].DueAfter >= _today)
        {
            done.RemoveAt(done.Count - 1);
        }
    }

    private void RecordVisits(Child child, List<PlannedEvent> visits, DateOnly last)
    {
        foreach (var visit in visits)
        {
            if (!visit.Seen)
            {
                Record(child, CareEventKind.Visit, visit.On, last, Fill(Pick(s_notSeenNotes), child), seen: false);
                continue;
            }

            var age = child.AgeOn(visit.On);
            var alone = age switch { < 3 => false, < 5 => _random.NextDouble() < 0.5, _ => _random.NextDouble() < 0.88 };
            var reason = alone ? null : age < 3 ? "Too young to be seen alone; seen with the carer." : Fill(Pick(s_notAloneReasons), child);
            var note = _random.NextDouble() < 0.5 ? Fill(Pick(s_visitNotes), child) : null;
            Record(child, CareEventKind.Visit, visit.On, last, note, seen: true, alone, reason);
        }
    }

    /// <summary>The initial health assessment within 20 working days (a few just before care began, a few late), then every 6 months under 5 and every year from 5.</summary>
    private List<PlannedEvent> PlanHealthAssessments(Child child, DateOnly period, DateOnly last)
    {
        var done = new List<PlannedEvent>();
        var earliest = Max(period.AddMonths(-3), child.DateOfBirth);
        var firstPeriod = child.Episodes[0].StartedOn == period;
        var on = firstPeriod && earliest < period.AddDays(-7) && _random.NextDouble() < 0.06
            ? Between(Max(earliest, period.AddDays(-80)), period.AddDays(-7))
            : _rules.Calendar.AddWorkingDays(period, _random.NextDouble() < 0.9 ? _random.Next(3, 21) : _random.Next(21, 40));
        while (on <= last)
        {
            var sixMonths = _rules.Add("H2.1", on);
            var due = child.AgeOn(sixMonths) < 5 ? sixMonths : _rules.Add("H2.2", on);
            done.Add(new PlannedEvent(on, true, due));
            on = Weekday(_random.NextDouble() < 0.04 ? due.AddDays(_random.Next(3, 45)) : due.AddDays(-_random.Next(0, 45)));
        }

        return done;
    }

    /// <summary>The first PEP within 20 working days of care (or of the third birthday), then one meeting each school term, now and then a term missed.</summary>
    private List<PlannedEvent> PlanPeps(Child child, DateOnly period, DateOnly last)
    {
        var done = new List<PlannedEvent>();
        var from = Max(period, child.DateOfBirth.AddYears(3));
        var on = _rules.Calendar.AddWorkingDays(from, _random.NextDouble() < 0.9 ? _random.Next(3, 20) : _random.Next(20, 40));
        while (on <= last && child.AgeOn(on) < 18)
        {
            done.Add(new PlannedEvent(on, true, _rules.Add("E3", on)));
            on = MeetingNextTerm(on);
            if (_random.NextDouble() < 0.05)
            {
                on = MeetingNextTerm(on);
            }
        }

        return done;
    }

    /// <summary>A weekday in the school term after the one <paramref name="after"/> falls in, clear of its first and last weeks.</summary>
    private DateOnly MeetingNextTerm(DateOnly after)
    {
        var start = SchoolTerms.EndOfTerm(after).AddDays(1);
        var (from, to) = start.Month switch
        {
            1 => (new DateOnly(start.Year, 1, 8), new DateOnly(start.Year, 3, 27)),
            4 => (new DateOnly(start.Year, 4, 20), new DateOnly(start.Year, 7, 17)),
            _ => (new DateOnly(start.Year, 9, 8), new DateOnly(start.Year, 12, 12)),
        };
        return Weekday(Between(from, to));
    }

    /// <summary>Most young people who are, or soon will be, eligible for leaving-care support have their needs assessed; a few are overdue.</summary>
    private void RecordNeedsAssessment(Child child, DateOnly period)
    {
        if (DeadlineEngine.Compute(child, _today, _rules).Items.FirstOrDefault(d => d.Item == StatutoryItem.NeedsAssessment) is not { DoneOn: null } needs)
        {
            return;
        }

        // The rule gives 3 months from becoming eligible; a few days' margin keeps clear of month ends. A
        // child who became eligible in an earlier period of care is assessed in this one.
        var from = Max(needs.DueOn.AddMonths(-3).AddDays(3), period);
        var lateFrom = Max(needs.DueOn.AddDays(1), period);
        var lateBy = Min(needs.DueOn.AddDays(60), _today);
        var roll = _random.NextDouble();
        DateOnly? on = null;
        if (needs.DueOn >= _today)
        {
            on = from <= _today && roll < 0.4 ? Between(from, _today) : null;
        }
        else if (roll < 0.8 && from <= needs.DueOn)
        {
            on = Between(from, needs.DueOn);
        }
        else if (roll < 0.92 && lateFrom <= lateBy)
        {
            on = Between(lateFrom, lateBy);
        }

        if (on is { } done)
        {
            Record(child, CareEventKind.NeedsAssessment, done, _today,
                Fill("Needs assessment completed with {name} and the personal adviser; the pathway plan follows.", child));
        }
    }

    private void Record(Child child, CareEventKind kind, DateOnly on, DateOnly last, string? note,
        bool? seen = null, bool? alone = null, string? notAloneReason = null) =>
        child.RecordCareEvent(new CareEventDraft(kind, on, seen, alone, notAloneReason, note), child.SocialWorker?.Name ?? "Social worker",
            Min(on.AddDays(_random.Next(0, 4)), Max(on, last)), _rules);

    private static DateOnly PlacementStart(Child child)
    {
        var period = child.CurrentPeriodStart()!.Value;
        return child.Episodes.Last(e => e.StartedOn >= period && e.ReasonForNewEpisode != ReasonForNewEpisode.L).StartedOn;
    }

    /// <summary>Appointments and meetings fall on a weekday: a weekend date moves back to the Friday.</summary>
    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    /// <summary>What a care plan section is written from.</summary>
    private readonly record struct PlanFacts(Child Child, CareEpisode Episode, int Age, IReadOnlyList<PermanenceOption> Permanence);

    /// <summary>What changes how often the social worker must visit, from today's record.</summary>
    private readonly record struct VisitFlags(DateOnly? ChildAgreedOn, bool ParentAssessmentIncomplete, bool ConnectedPersonTemporarilyApproved);

    /// <summary>A visit or assessment to record, and when the next is due after it.</summary>
    private readonly record struct PlannedEvent(DateOnly On, bool Seen, DateOnly DueAfter);

    private void MoveOrChangeStatus(Child child, DateOnly on)
    {
        var current = child.CurrentEpisode!;
        if (_random.NextDouble() < 0.2 && child.SocialWorker?.Team is { } team)
        {
            // Social workers move on: a new worker in the same team.
            var colleagues = Staff.Where(s => s.Role == StaffRole.SocialWorker && s.Team == team && s != child.SocialWorker).ToList();
            child.Allocate(child.Iro, Pick(colleagues), on, _rules, on);
        }

        var age = child.AgeOn(on);
        if (current.LegalStatus.IsShortBreak())
        {
            return;
        }

        if (current.LegalStatus is LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2 && _random.NextDouble() < 0.7)
        {
            var legal = age < 5 && _random.NextDouble() < 0.3 ? LegalStatus.E1 : LegalStatus.C2;
            child.ChangeEpisode(on, legal, PlacementMove.None, current.PlacementType, null, _today, _rules);
            return;
        }

        var placement = PlacementFor(age, current.LegalStatus);
        var move = placement == current.PlacementType || _random.NextDouble() < 0.85 ? PlacementMove.NewCarers : PlacementMove.SameCarers;
        ReasonForPlacementChange[] reasons =
        [
            ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL,
            ReasonForPlacementChange.CREQB, ReasonForPlacementChange.CREQO, ReasonForPlacementChange.CHILD,
            ReasonForPlacementChange.STAND, ReasonForPlacementChange.LAREQ, ReasonForPlacementChange.CLOSE,
        ];
        child.ChangeEpisode(on, current.LegalStatus, move, placement,
            placement.IsTemporary() || current.PlacementType.IsTemporary() ? null : Pick(reasons), _today, _rules);
    }

    private LegalStatus InitialLegalStatus(int age) => _random.NextDouble() switch
    {
        < 0.35 => LegalStatus.C1,
        < 0.62 => LegalStatus.C2,
        < 0.88 => LegalStatus.V2,
        < 0.92 when age < 5 => LegalStatus.E1,
        < 0.95 => LegalStatus.L2,
        < 0.97 when age >= 10 => LegalStatus.J1,
        _ => LegalStatus.C2,
    };

    private PlacementType PlacementFor(int age, LegalStatus legal)
    {
        if (legal.IsShortBreak())
        {
            return PlacementType.K2;
        }

        if (legal == LegalStatus.E1)
        {
            return Pick([PlacementType.A5, PlacementType.A6, PlacementType.U6]);
        }

        var roll = _random.NextDouble();
        return age switch
        {
            < 10 => roll switch
            {
                < 0.55 => PlacementType.U6,
                < 0.70 => PlacementType.U3,
                < 0.80 => PlacementType.U4,
                < 0.88 => PlacementType.U1,
                < 0.95 => PlacementType.P1,
                _ => PlacementType.R3,
            },
            < 16 => roll switch
            {
                < 0.45 => PlacementType.U6,
                < 0.60 => PlacementType.U4,
                < 0.70 => PlacementType.U3,
                < 0.88 => PlacementType.K2,
                < 0.93 => PlacementType.S1,
                < 0.97 => PlacementType.P1,
                _ => PlacementType.U1,
            },
            _ => roll switch
            {
                < 0.35 => PlacementType.U6,
                < 0.50 => PlacementType.U4,
                < 0.70 => PlacementType.K3,
                < 0.88 => PlacementType.K2,
                < 0.94 => PlacementType.Z12,
                _ => PlacementType.U1,
            },
        };
    }

    private CategoryOfNeed CategoryOfNeedFor(bool shortBreaks) => shortBreaks
        ? CategoryOfNeed.N2
        : _random.NextDouble() switch
        {
            < 0.62 => CategoryOfNeed.N1,
            < 0.75 => CategoryOfNeed.N5,
            < 0.83 => CategoryOfNeed.N4,
            < 0.90 => CategoryOfNeed.N8,
            < 0.94 => CategoryOfNeed.N3,
            < 0.97 => CategoryOfNeed.N2,
            < 0.99 => CategoryOfNeed.N6,
            _ => CategoryOfNeed.N7,
        };

    private ReasonEpisodeCeased LeavingReason(int age) => age switch
    {
        >= 17 => Pick([ReasonEpisodeCeased.E17, ReasonEpisodeCeased.E5, ReasonEpisodeCeased.E4A]),
        < 5 => Pick([ReasonEpisodeCeased.E11, ReasonEpisodeCeased.E12, ReasonEpisodeCeased.E45, ReasonEpisodeCeased.E4A]),
        _ => Pick([ReasonEpisodeCeased.E4A, ReasonEpisodeCeased.E4A, ReasonEpisodeCeased.E41, ReasonEpisodeCeased.E46, ReasonEpisodeCeased.E13]),
    };

    /// <summary>Attendance rises with age, as the study found: about 35% at 5–9, 50% at 10–12, 65% at 13–15, 80% at 16+.</summary>
    private ParticipationCode? ParticipationFor(Child child, DateOnly heldOn)
    {
        if (child.CurrentEpisode!.LegalStatus.IsShortBreak())
        {
            return null;
        }

        var age = child.AgeOn(heldOn);
        if (age < 4)
        {
            return ParticipationCode.PN0;
        }

        var attends = age switch { < 10 => 0.35, < 13 => 0.50, < 16 => 0.65, _ => 0.80 };
        return _random.NextDouble() < attends
            ? Pick([ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN2, ParticipationCode.PN3, ParticipationCode.PN4])
            : Pick([ParticipationCode.PN5, ParticipationCode.PN6, ParticipationCode.PN6, ParticipationCode.PN7]);
    }

    private static DateOnly MadeOn(Child child, Recommendation recommendation) =>
        child.Reviews.Single(r => r.Recommendations.Contains(recommendation)).HeldOn!.Value;

    /// <summary>A day from <paramref name="from"/> to <paramref name="to"/>; <paramref name="to"/> when the range is empty.</summary>
    private DateOnly Between(DateOnly from, DateOnly to) =>
        from >= to ? to : from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => PickWith(_random, items);

    private static T PickWith<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private T Weighted<T>(IReadOnlyList<T> items, double[] weights)
    {
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
