"""The Qt desktop app. Talks to `outreach` services and their records; never to SQL."""
