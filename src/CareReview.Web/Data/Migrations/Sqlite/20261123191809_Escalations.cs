using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JobTitle",
                table: "StaffMembers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DrpStageSetting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Respondent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponseWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrpStageSetting", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    RaisedByStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Concern = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Needed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NeededBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Escalations_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_StaffMembers_RaisedByStaffId",
                        column: x => x.RaisedByStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CafcassReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Grounds = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferredByStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CafcassReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CafcassReferrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CafcassReferrals_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CafcassReferrals_StaffMembers_ReferredByStaffId",
                        column: x => x.ReferredByStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EscalationRecommendation",
                columns: table => new
                {
                    EscalationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationRecommendation", x => new { x.EscalationId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_EscalationRecommendation_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EscalationRecommendation_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EscalationStage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EscalationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RespondentStaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResponseWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationStage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationStage_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EscalationStage_StaffMembers_RespondentStaffId",
                        column: x => x.RespondentStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformalDiscussion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EscalationId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    With = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Conversation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedAction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformalDiscussion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformalDiscussion_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CafcassReferrals_ChildId",
                table: "CafcassReferrals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CafcassReferrals_EscalationId",
                table: "CafcassReferrals",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_CafcassReferrals_ReferredByStaffId",
                table: "CafcassReferrals",
                column: "ReferredByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_DrpStageSetting_Revision_Number",
                table: "DrpStageSetting",
                columns: new[] { "Revision", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationRecommendation_RecommendationId",
                table: "EscalationRecommendation",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ChildId",
                table: "Escalations",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedByStaffId",
                table: "Escalations",
                column: "RaisedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedOn",
                table: "Escalations",
                column: "RaisedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ReviewId",
                table: "Escalations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TeamId",
                table: "Escalations",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationStage_EscalationId_Number",
                table: "EscalationStage",
                columns: new[] { "EscalationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationStage_RespondentStaffId_ResponseDueOn",
                table: "EscalationStage",
                columns: new[] { "RespondentStaffId", "ResponseDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InformalDiscussion_EscalationId",
                table: "InformalDiscussion",
                column: "EscalationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CafcassReferrals");

            migrationBuilder.DropTable(
                name: "DrpStageSetting");

            migrationBuilder.DropTable(
                name: "EscalationRecommendation");

            migrationBuilder.DropTable(
                name: "EscalationStage");

            migrationBuilder.DropTable(
                name: "InformalDiscussion");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropColumn(
                name: "JobTitle",
                table: "StaffMembers");
        }
    }
}
