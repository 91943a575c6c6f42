"""The partner directory (设置 → 合作方) and the partner picker of the referral and activity
forms."""
