using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: true),
                    Details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BankHolidayAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidayAdjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    Fte = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Children",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocalId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    IroId = table.Column<int>(type: "integer", nullable: true),
                    SocialWorkerId = table.Column<int>(type: "integer", nullable: true),
                    NextReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextReviewRuleId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ReviewBroughtForwardTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewBroughtForwardOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewBroughtForwardReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PlanChangeAwaitingReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildAgreedToFewerVisitsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParentAssessmentIncomplete = table.Column<bool>(type: "boolean", nullable: false),
                    ConnectedPersonTemporarilyApproved = table.Column<bool>(type: "boolean", nullable: false),
                    DeadlinesRecomputeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Children", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Children_StaffMembers_IroId",
                        column: x => x.IroId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Children_StaffMembers_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Allocation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    IroId = table.Column<int>(type: "integer", nullable: true),
                    IroName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SocialWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SocialWorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocation_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CareEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReasonForNewEpisode = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    LegalStatus = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CategoryOfNeed = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PlacementType = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonEnded = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ReasonForPlacementChange = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CareEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeen = table.Column<bool>(type: "boolean", nullable: true),
                    SeenAlone = table.Column<bool>(type: "boolean", nullable: true),
                    NotSeenAloneReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareEvents_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MadeBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IroName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PermanenceCodes = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SignificantChanges = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanVersions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildDeadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RuleVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LastDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildDeadlines_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildFriendlyPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    CarePlanNumber = table.Column<int>(type: "integer", nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SharedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SharedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildFriendlyPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildFriendlyPlan_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EmailedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DismissedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reminders_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueRuleId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "date", nullable: true),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Invitees = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LatenessReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsultedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportsReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildSeenAloneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildNotSeenAloneReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ParentsViewsSoughtOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdjournedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdjournmentReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParticipationCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Attendees = table.Column<string>(type: "text", nullable: true),
                    ChildWishesAndFeelings = table.Column<string>(type: "text", nullable: true),
                    ParentsViews = table.Column<string>(type: "text", nullable: true),
                    IroView = table.Column<string>(type: "text", nullable: true),
                    LetterToChild = table.Column<string>(type: "text", nullable: true),
                    DecisionsIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordIssuedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanSectionText",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Section = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CarePlanVersionId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanSectionText", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanSectionText_CarePlanVersions_CarePlanVersionId",
                        column: x => x.CarePlanVersionId,
                        principalTable: "CarePlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerRole = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerStaffId = table.Column<int>(type: "integer", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Monitoring = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CarriedForwardFromId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Recommendations_CarriedForwardFromId",
                        column: x => x.CarriedForwardFromId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recommendations_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Recommendations_StaffMembers_OwnerStaffId",
                        column: x => x.OwnerStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewConsideration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Paragraph = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    ReviewId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewConsideration", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewConsideration_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationUpdate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecommendationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationUpdate_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocation_ChildId_From",
                table: "Allocation",
                columns: new[] { "ChildId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ChildId",
                table: "AuditEvents",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OccurredAtUtc",
                table: "AuditEvents",
                column: "OccurredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_BankHolidayAdjustments_Date",
                table: "BankHolidayAdjustments",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareEpisodes_ChildId_StartedOn",
                table: "CareEpisodes",
                columns: new[] { "ChildId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CareEvents_ChildId_Kind_On",
                table: "CareEvents",
                columns: new[] { "ChildId", "Kind", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanSectionText_CarePlanVersionId_Section",
                table: "CarePlanSectionText",
                columns: new[] { "CarePlanVersionId", "Section" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanVersions_ChildId_Number",
                table: "CarePlanVersions",
                columns: new[] { "ChildId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildDeadlines_ChildId_Item",
                table: "ChildDeadlines",
                columns: new[] { "ChildId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildDeadlines_Item_DueOn",
                table: "ChildDeadlines",
                columns: new[] { "Item", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildFriendlyPlan_ChildId",
                table: "ChildFriendlyPlan",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Children_DeadlinesRecomputeOn",
                table: "Children",
                column: "DeadlinesRecomputeOn");

            migrationBuilder.CreateIndex(
                name: "IX_Children_IroId",
                table: "Children",
                column: "IroId");

            migrationBuilder.CreateIndex(
                name: "IX_Children_LocalId",
                table: "Children",
                column: "LocalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Children_NextReviewDueOn",
                table: "Children",
                column: "NextReviewDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Children_PlanChangeAwaitingReviewOn",
                table: "Children",
                column: "PlanChangeAwaitingReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_Children_SocialWorkerId",
                table: "Children",
                column: "SocialWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CarriedForwardFromId",
                table: "Recommendations",
                column: "CarriedForwardFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OwnerStaffId_Status_DueOn",
                table: "Recommendations",
                columns: new[] { "OwnerStaffId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ReviewId",
                table: "Recommendations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationUpdate_RecommendationId",
                table: "RecommendationUpdate",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ChildId",
                table: "Reminders",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_CreatedAtUtc",
                table: "Reminders",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_Kind_SubjectId_DueOn_StaffMemberId",
                table: "Reminders",
                columns: new[] { "Kind", "SubjectId", "DueOn", "StaffMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_StaffMemberId_DismissedAtUtc",
                table: "Reminders",
                columns: new[] { "StaffMemberId", "DismissedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewConsideration_ReviewId_Paragraph",
                table: "ReviewConsideration",
                columns: new[] { "ReviewId", "Paragraph" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChildId_HeldOn",
                table: "Reviews",
                columns: new[] { "ChildId", "HeldOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ScheduledFor",
                table: "Reviews",
                column: "ScheduledFor");

            migrationBuilder.CreateIndex(
                name: "IX_RuleSettings_RuleId_Change",
                table: "RuleSettings",
                columns: new[] { "RuleId", "Change" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_TeamId",
                table: "StaffMembers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allocation");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "BankHolidayAdjustments");

            migrationBuilder.DropTable(
                name: "CareEpisodes");

            migrationBuilder.DropTable(
                name: "CareEvents");

            migrationBuilder.DropTable(
                name: "CarePlanSectionText");

            migrationBuilder.DropTable(
                name: "ChildDeadlines");

            migrationBuilder.DropTable(
                name: "ChildFriendlyPlan");

            migrationBuilder.DropTable(
                name: "RecommendationUpdate");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "ReviewConsideration");

            migrationBuilder.DropTable(
                name: "RuleSettings");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CarePlanVersions");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Children");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "Teams");
        }
    }
}
