using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewsAndRecommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "HeldOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "TEXT");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdjournedOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjournmentReason",
                table: "Reviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attendees",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildNotSeenAloneReason",
                table: "Reviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildSeenAloneOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildWishesAndFeelings",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsultedOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionsIssuedOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Invitees",
                table: "Reviews",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IroView",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LatenessReason",
                table: "Reviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterToChild",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentsViews",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ParentsViewsSoughtOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecordIssuedOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportsReceivedOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScheduledFor",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartsAt",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Reviews",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Venue",
                table: "Reviews",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewBroughtForwardOn",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewBroughtForwardReason",
                table: "Children",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewBroughtForwardTo",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Monitoring = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CarriedForwardFromId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Paragraph = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "IX_Reviews_ScheduledFor",
                table: "Reviews",
                column: "ScheduledFor");

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
                name: "IX_ReviewConsideration_ReviewId_Paragraph",
                table: "ReviewConsideration",
                columns: new[] { "ReviewId", "Paragraph" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationUpdate");

            migrationBuilder.DropTable(
                name: "ReviewConsideration");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ScheduledFor",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AdjournedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AdjournmentReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Attendees",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildNotSeenAloneReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildSeenAloneOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildWishesAndFeelings",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ConsultedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "DecisionsIssuedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Invitees",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "IroView",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LatenessReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LetterToChild",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ParentsViews",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ParentsViewsSoughtOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "RecordIssuedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ReportsReceivedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ScheduledFor",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Venue",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ReviewBroughtForwardOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ReviewBroughtForwardReason",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ReviewBroughtForwardTo",
                table: "Children");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "HeldOn",
                table: "Reviews",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
